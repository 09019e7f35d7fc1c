package dk.trialport.notify;

import dk.trialport.catalogue.TrialDetails;
import dk.trialport.catalogue.TrialProjectionStore;
import dk.trialport.fhir.TrialDetailsReader;
import dk.trialport.recruitment.infrastructure.MailQueue;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends the mails waiting in the notification outbox, to people and to trial teams (at the trial's first
 * contact e-mail address, else a site contact's). Each mail is claimed for a while, sent, then marked
 * sent; when the mail server fails, the mail stays and is tried again after a wait that doubles up to
 * {@code max-backoff}. Without {@code spring.mail.host} nothing is sent and mails wait.
 */
@Component
class MailWorker implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(MailWorker.class);
  private static final Duration LEASE = Duration.ofMinutes(2);

  private final MailQueue queue;
  private final TrialProjectionStore trials;
  private final TrialDetailsReader details;
  private final Mails mails;
  private final ObjectProvider<JavaMailSender> sender;
  private final NotifyProperties properties;
  private volatile Thread worker;

  MailWorker(MailQueue queue, TrialProjectionStore trials, TrialDetailsReader details, Mails mails,
      ObjectProvider<JavaMailSender> sender, NotifyProperties properties) {
    this.queue = queue;
    this.trials = trials;
    this.details = details;
    this.mails = mails;
    this.sender = sender;
    this.properties = properties;
  }

  @Override
  public void start() {
    var mailSender = sender.getIfAvailable();
    if (mailSender == null) {
      log.warn("No mail server configured (spring.mail.host): e-mail notifications wait in the outbox");
      return;
    }
    var thread = Thread.ofPlatform().daemon().name("mail-sender").unstarted(() -> run(mailSender));
    worker = thread;
    thread.start();
  }

  @Override
  public void stop() {
    var running = worker;
    worker = null;
    if (running != null) {
      running.interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return worker != null;
  }

  private void run(JavaMailSender mailSender) {
    while (worker == Thread.currentThread()) {
      try {
        if (sendDue(mailSender) == 0) {
          Thread.sleep(properties.poll());
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        log.warn("Mail round failed, will retry: {}", e.getClass().getSimpleName());
        try {
          Thread.sleep(properties.poll());
        } catch (InterruptedException interrupted) {
          return;
        }
      }
    }
  }

  /** Sends the due mails of one round; returns how many were due. */
  int sendDue(JavaMailSender mailSender) {
    var due = queue.claimDue(properties.batchSize(), LEASE).collectList().block();
    for (var mail : due) {
      send(mailSender, mail);
    }
    return due.size();
  }

  private void send(JavaMailSender mailSender, MailQueue.Mail mail) {
    var trial = trials.find(mail.trialId()).block();
    var address = mail.toTeam() ? teamAddress(mail.trialId()) : mail.address();
    if (address == null || trial == null) {
      queue.drop(mail.id()).block();
      log.info("Mail {} dropped: no address or no trial any more", mail.id());
      return;
    }
    try {
      mailSender.send(mails.write(mail, address, trial));
      queue.sent(mail.id()).block();
      log.info("Mail {} sent after {} earlier tries", mail.id(), mail.attempts());
    } catch (MailException e) {
      var wait = backoff(mail.attempts());
      queue.retryLater(mail.id(), wait).block();
      log.warn("Mail {} not sent (try {}), next try in {}: {}", mail.id(), mail.attempts() + 1, wait,
          e.getClass().getSimpleName());
    }
  }

  /** The trial's contact e-mail address: the study's own contacts first, then its sites' contacts. */
  private String teamAddress(String trialId) {
    var found = details.read(trialId).block();
    if (found == null) {
      return null;
    }
    var contacts = new java.util.ArrayList<>(found.contacts());
    found.sites().forEach(site -> contacts.addAll(site.contacts()));
    return contacts.stream().flatMap(contact -> contact.telecoms().stream())
        .filter(telecom -> "email".equals(telecom.system()) && telecom.value() != null && !telecom.value().isBlank())
        .map(TrialDetails.Telecom::value).findFirst().orElse(null);
  }

  Duration backoff(int earlierAttempts) {
    var wait = properties.firstBackoff().multipliedBy(1L << Math.min(earlierAttempts, 20));
    return wait.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : wait;
  }
}
