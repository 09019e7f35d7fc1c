package dk.trialport.portal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The portal's texts straight from its message bundles, for tests that need no application context. */
final class BundleTexts {

    private BundleTexts() {}

    static Texts in(Locale locale) {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("messages/messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        return new Texts(messages, locale);
    }
}
