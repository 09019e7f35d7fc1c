-- Sharing contact details with the trial team is a consent of its own, given and taken back on My page,
-- recorded like the consent to the registration (with the version of the text shown).
ALTER TABLE consent_event DROP CONSTRAINT consent_event_kind_check;
ALTER TABLE consent_event ADD CONSTRAINT consent_event_kind_check
    CHECK (kind IN ('given', 'withdrawn', 'contact-shared', 'contact-unshared'));

-- Who an outbox row is an e-mail to: the person (a matching trial, a new message from the team) or the
-- trial team (a new candidate, sent to the trial's contact address). Rows without it are not mailed.
ALTER TABLE notification_outbox ADD COLUMN mail_to TEXT CHECK (mail_to IN ('person', 'team'));
UPDATE notification_outbox SET mail_to = 'person' WHERE person_notification_id IS NOT NULL;
DROP INDEX notification_outbox_mail_idx;
CREATE INDEX notification_outbox_mail_idx ON notification_outbox (next_attempt_at)
    WHERE sent_at IS NULL AND mail_to IS NOT NULL;

-- The team's list shows which candidates wrote something the team has not read yet.
CREATE INDEX candidate_message_unread_idx ON candidate_message (registration_id)
    WHERE read_at IS NULL;
