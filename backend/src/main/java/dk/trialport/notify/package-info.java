/**
 * Notifications by e-mail: a worker sends the mails waiting in {@code notification_outbox} through SMTP
 * (Spring's {@code JavaMailSender}; the embedded platform's GreenMail in development and tests), marks each
 * sent, and on failure keeps it and tries again later with a growing wait, so an outage of the mail server
 * delays mail but never loses it. Logs name mail ids, never addresses.
 */
package dk.trialport.notify;
