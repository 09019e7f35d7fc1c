/**
 * Notifications by e-mail. notify owns its queue (table {@code mail}): other modules queue a mail with
 * {@link dk.trialport.notify.Mailing#queue} in their own transaction, naming a template, a trial and a
 * {@link dk.trialport.notify.Recipient} without an address. {@code MailWorker}, a consumer of the platform's
 * {@link dk.trialport.platform.PollingWorker}, claims due mails ({@code FOR UPDATE SKIP LOCKED} and a lease), asks the
 * port {@link dk.trialport.notify.Recipients} for the address at send time (recruitment answers for people, so a
 * person who deleted their address or account, or withdrew, is not mailed; fhir for trial teams), sends through SMTP
 * (Spring's {@code JavaMailSender}; the embedded platform's GreenMail in development and tests) and marks it sent. On
 * failure the mail stays and is tried again after a growing wait, so an outage of the mail server delays mail but
 * never loses it. notify reads no other module's tables; logs name mail ids, never addresses.
 */
package dk.trialport.notify;
