package dk.trialport.registry.ctgov;

/** A study record that cannot be mapped, with the reason (no personal data in the message). */
public class CtgovMappingException extends RuntimeException {

    public CtgovMappingException(String message) {
        super(message);
    }
}
