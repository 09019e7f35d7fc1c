package dk.trialport.notify;

import dk.trialport.catalogue.Trial;
import java.util.Locale;
import java.util.Objects;
import org.springframework.context.MessageSource;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.stereotype.Component;

/**
 * Writes the e-mails, in Danish, then English, each with a link into the portal and never any personal data:
 * a new trial that matches a profile (to the person), a new message from the trial team (to the person; the
 * message stays in the portal), a new candidate (to the trial team).
 */
@Component
class Mails {

    private static final Locale DANISH = Locale.forLanguageTag("da");

    private final MessageSource messages;
    private final NotifyProperties properties;

    Mails(MessageSource messages, NotifyProperties properties) {
        this.messages = messages;
        this.properties = properties;
    }

    /** The mail of this template about this trial, to this address. */
    SimpleMailMessage write(Mailing.Template template, String address, Trial trial) {
        return write(address, trial, template.key, template.path.formatted(trial.id()));
    }

    private SimpleMailMessage write(String address, Trial trial, String texts, String path) {
        var link = properties.portalUrl().replaceAll("/+$", "") + path;
        var mail = new SimpleMailMessage();
        mail.setFrom(properties.from());
        mail.setTo(address);
        mail.setSubject(text(texts + ".subject", DANISH) + " / " + text(texts + ".subject", Locale.ENGLISH));
        mail.setText(body(trial, texts, link, DANISH) + "\n\n----\n\n" + body(trial, texts, link, Locale.ENGLISH));
        return mail;
    }

    private String body(Trial trial, String texts, String link, Locale locale) {
        var lay = Locale.ENGLISH.equals(locale) ? trial.layTitleEn() : trial.layTitleDa();
        var title = Objects.requireNonNullElse(lay, trial.title());
        return text(texts + ".greeting", locale) + "\n\n" + text(texts + ".intro", locale) + "\n\n" + title + "\n"
                + link + "\n\n" + text(texts + ".why", locale) + "\n" + text(texts + ".stop", locale);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
