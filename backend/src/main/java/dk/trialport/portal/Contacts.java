package dk.trialport.portal;

import dk.trialport.catalogue.TrialDetails;

/** Contacts as the page shows them: phone numbers and e-mail addresses as links, web pages only when http(s). */
final class Contacts {

    private Contacts() {}

    static TrialView.ContactView view(TrialDetails.Contact contact, Texts texts) {
        return new TrialView.ContactView(
                contact.name(),
                contact.telecoms().stream()
                        .map(telecom -> telecom(telecom, texts))
                        .toList());
    }

    private static TrialView.TelecomView telecom(TrialDetails.Telecom telecom, Texts texts) {
        var value = telecom.value().strip();
        var href = switch (telecom.system()) {
            case "phone", "sms" -> "tel:" + value.replaceAll("[^+0-9]", "");
            case "email" -> value.matches("[^\\s@:/]+@[^\\s@:/]+") ? "mailto:" + value : null;
            case "url" -> value.startsWith("https://") || value.startsWith("http://") ? value : null;
            default -> null;
        };
        var kind = switch (telecom.system()) {
            case "phone", "sms", "email", "url" -> telecom.system();
            default -> "other";
        };
        return new TrialView.TelecomView(texts.get("trial.contact." + kind), value, href);
    }
}
