/**
 * Who is calling: the OpenID Connect provider the application trusts (the development identity
 * provider, or the national login broker in production), bearer tokens for the APIs, and the roles
 * and organization a token carries.
 */
package dk.trialport.identity;
