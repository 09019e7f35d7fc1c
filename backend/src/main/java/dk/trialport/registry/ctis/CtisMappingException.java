package dk.trialport.registry.ctis;

/** A CTIS record that cannot be mapped, with the reason (no personal data in the message). */
public class CtisMappingException extends RuntimeException {

    public CtisMappingException(String message) {
        super(message);
    }
}
