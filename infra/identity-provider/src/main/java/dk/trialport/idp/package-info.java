/**
 * The Trialport development OpenID Connect provider: Spring Authorization Server with demo users
 * and clients from configuration. Development and tests only; production trusts the national
 * login broker (MitID).
 */
package dk.trialport.idp;
