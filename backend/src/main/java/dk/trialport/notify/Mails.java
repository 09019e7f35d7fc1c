package dk.trialport.notify;

import dk.trialport.catalogue.ConfirmationLinks;
import dk.trialport.catalogue.Trial;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import org.springframework.context.MessageSource;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.stereotype.Component;

/**
 * Writes the e-mails, in Danish, then English, each with a link into the portal and never any personal data:
 * a new trial that matches a profile (to the person), a new message from the trial team (to the person; the
 * message stays in the portal), a new candidate (to the trial team), a stale trial (to the trial team: a signed
 * one-click confirmation link, {@link ConfirmationLinks}, and the trial's workspace page to update it).
 */
@Component
class Mails {

    private static final Locale DANISH = Locale.forLanguageTag("da");

    private final MessageSource messages;
    private final NotifyProperties properties;
    private final ConfirmationLinks confirmations;
    private final Clock clock;

    Mails(MessageSource messages, NotifyProperties properties, ConfirmationLinks confirmations, Clock clock) {
        this.messages = messages;
        this.properties = properties;
        this.confirmations = confirmations;
        this.clock = clock;
    }

    /** The mail of this template about this trial, to this address. */
    SimpleMailMessage write(Mailing.Template template, String address, Trial trial) {
        var page = link(template.path.formatted(trial.id()));
        if (template == Mailing.Template.STALE_TRIAL) {
            var confirm = link("/bekraeft/" + confirmations.token(trial.id(), clock.instant()));
            return write(address, trial, template.key, confirm, page);
        }
        return write(address, trial, template.key, page, null);
    }

    private String link(String path) {
        return properties.portalUrl().replaceAll("/+$", "") + path;
    }

    private SimpleMailMessage write(String address, Trial trial, String texts, String link, String updateLink) {
        var mail = new SimpleMailMessage();
        mail.setFrom(properties.from());
        mail.setTo(address);
        mail.setSubject(text(texts + ".subject", DANISH) + " / " + text(texts + ".subject", Locale.ENGLISH));
        mail.setText(body(trial, texts, link, updateLink, DANISH) + "\n\n----\n\n"
                + body(trial, texts, link, updateLink, Locale.ENGLISH));
        return mail;
    }

    /** The body: greeting, intro, the trial's title and link, and (for a stale trial) where to update it. */
    private String body(Trial trial, String texts, String link, String updateLink, Locale locale) {
        var lay = Locale.ENGLISH.equals(locale) ? trial.layTitleEn() : trial.layTitleDa();
        var title = Objects.requireNonNullElse(lay, trial.title());
        var update = updateLink == null ? "" : text(texts + ".update", locale) + "\n" + updateLink + "\n\n";
        return text(texts + ".greeting", locale) + "\n\n" + text(texts + ".intro", locale) + "\n\n" + title + "\n"
                + link + "\n\n" + update + text(texts + ".why", locale) + "\n" + text(texts + ".stop", locale);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
