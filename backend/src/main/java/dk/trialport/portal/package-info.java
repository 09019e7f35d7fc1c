/**
 * The portal's pages for everyone: the front page, the search results ({@code /soeg}), trial pages
 * ({@code /forsoeg/{id}}) with "Could this be for me?", a person's interest registration, interest profile and
 * My page (status, messages, access log, export, account deletion), the accessibility statement, the shared error
 * page, and the page language (Danish by default, English on request, remembered in a cookie). Templates, texts
 * and CSS live in the {@code frontend-templates} module; the page plumbing here (language, CSRF, links) is used by
 * the workspace's pages too.
 */
package dk.trialport.portal;
