package dk.trialport.idp;

/** Adds the {@code {noop}} prefix to configured passwords and secrets that carry no encoder id. */
final class Passwords {

    private Passwords() {}

    static String encoded(String secret) {
        return secret.startsWith("{") ? secret : "{noop}" + secret;
    }
}
