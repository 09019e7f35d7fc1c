package dk.trialport.recruitment.model;

import java.util.Arrays;
import java.util.Optional;

/** How a person wants the trial team to contact them. */
public enum ContactChannel {
    EMAIL("email"),
    PHONE("phone"),
    PORTAL("portal");

    private final String code;

    ContactChannel(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<ContactChannel> of(String code) {
        return Arrays.stream(values())
                .filter(channel -> channel.code.equals(code))
                .findFirst();
    }

    /** Whether this channel needs an address or number from the person. */
    public boolean needsContact() {
        return this != PORTAL;
    }
}
