/**
 * The portal's pages for everyone: the front page, the search results ({@code /soeg}), trial pages
 * ({@code /forsoeg/{id}}) with "Could this be for me?", the accessibility statement, the shared error
 * page, and the page language (Danish by default, English on request, remembered in a cookie).
 * Templates, texts and CSS live in the {@code frontend-templates} module.
 */
package dk.trialport.web;
