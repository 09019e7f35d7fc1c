package dk.trialport.notify;

import dk.trialport.catalogue.Trial;
import java.util.Locale;
import java.util.Objects;
import org.springframework.context.MessageSource;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.stereotype.Component;

/** Writes the e-mail about a new trial that matches a profile: in Danish, then English, with the trial's link. */
@Component
class MatchMail {

  private static final Locale DANISH = Locale.forLanguageTag("da");

  private final MessageSource messages;
  private final NotifyProperties properties;

  MatchMail(MessageSource messages, NotifyProperties properties) {
    this.messages = messages;
    this.properties = properties;
  }

  SimpleMailMessage write(String address, Trial trial) {
    var link = properties.portalUrl().replaceAll("/+$", "") + "/forsoeg/" + trial.id();
    var mail = new SimpleMailMessage();
    mail.setFrom(properties.from());
    mail.setTo(address);
    mail.setSubject(text("mail.match.subject", DANISH) + " / " + text("mail.match.subject", Locale.ENGLISH));
    mail.setText(body(trial, link, DANISH) + "\n\n----\n\n" + body(trial, link, Locale.ENGLISH));
    return mail;
  }

  private String body(Trial trial, String link, Locale locale) {
    var lay = Locale.ENGLISH.equals(locale) ? trial.layTitleEn() : trial.layTitleDa();
    var title = Objects.requireNonNullElse(lay, trial.title());
    return text("mail.match.greeting", locale) + "\n\n" + text("mail.match.intro", locale) + "\n\n" + title + "\n"
        + link + "\n\n" + text("mail.match.why", locale) + "\n" + text("mail.match.stop", locale);
  }

  private String text(String key, Locale locale) {
    return messages.getMessage(key, null, locale);
  }
}
