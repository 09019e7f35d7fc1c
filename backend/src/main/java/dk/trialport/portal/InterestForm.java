package dk.trialport.portal;

import dk.trialport.recruitment.model.ContactChannel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a person fills in to register interest in a trial, and what is wrong with it: field name →
 * message key, shown next to the field.
 */
record InterestForm(String consent, String channel, String email, String phone, String message) {

    static final int MAX_MESSAGE = 1000;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ]{8,15}");

    static InterestForm empty() {
        return new InterestForm(null, "portal", "", "", "");
    }

    /** The form as a person's current registration fills it, to change it. */
    static InterestForm of(dk.trialport.recruitment.model.InterestRegistration registration) {
        var contact = registration.contact() == null ? "" : registration.contact();
        return new InterestForm(
                "yes",
                registration.channel().code(),
                registration.channel() == ContactChannel.EMAIL ? contact : "",
                registration.channel() == ContactChannel.PHONE ? contact : "",
                registration.message() == null ? "" : registration.message());
    }

    Map<String, String> errors() {
        var errors = new LinkedHashMap<String, String>();
        if (!"yes".equals(consent)) {
            errors.put("consent", "interest.error.consent");
        }
        var chosen = ContactChannel.of(channel == null ? "" : channel);
        if (chosen.isEmpty()) {
            errors.put("channel", "interest.error.channel");
        } else if (chosen.get() == ContactChannel.EMAIL
                && (email == null || !EMAIL.matcher(email.strip()).matches())) {
            errors.put("email", "interest.error.email");
        } else if (chosen.get() == ContactChannel.PHONE
                && (phone == null || !PHONE.matcher(phone.strip()).matches())) {
            errors.put("phone", "interest.error.phone");
        }
        if (message != null && message.length() > MAX_MESSAGE) {
            errors.put("message", "interest.error.message");
        }
        return errors;
    }

    ContactChannel contactChannel() {
        return ContactChannel.of(channel).orElseThrow();
    }

    /** The address or number of the chosen channel; null for contact in the portal. */
    String contact() {
        return switch (contactChannel()) {
            case EMAIL -> email.strip();
            case PHONE -> phone.strip();
            case PORTAL -> null;
        };
    }

    String trimmedMessage() {
        return message == null || message.isBlank() ? null : message.strip();
    }
}
