-- Matching new trials against interest profiles. The matcher is a second consumer of the catalogue's
-- outbox with its own marker; what it found is told to the person only (portal inbox, e-mail).
ALTER TABLE outbox_event ADD COLUMN matched_at TIMESTAMPTZ;
-- Existing changes came before any profile existed: nothing to match.
UPDATE outbox_event SET matched_at = now();
CREATE INDEX outbox_event_unmatched_idx ON outbox_event (id)
    WHERE matched_at IS NULL AND resource_type = 'ResearchStudy';

-- A new trial that matches a person's profile, in their portal inbox. One per person and trial, ever.
CREATE TABLE person_notification (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id   UUID        NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    trial_id    TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- false when the person chose e-mail only: the row still records that they were told
    in_inbox    BOOLEAN     NOT NULL,
    UNIQUE (person_id, trial_id)
);
CREATE INDEX person_notification_person_idx ON person_notification (person_id, created_at DESC);

-- E-mails to people: the notification they tell of (deleting the person deletes the mail not yet sent),
-- and the retry state of the mail worker. The address is read from the profile when the mail is sent.
ALTER TABLE notification_outbox ADD COLUMN person_notification_id BIGINT
    REFERENCES person_notification (id) ON DELETE CASCADE;
ALTER TABLE notification_outbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE notification_outbox ADD COLUMN next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now();
CREATE INDEX notification_outbox_mail_idx ON notification_outbox (next_attempt_at)
    WHERE sent_at IS NULL AND person_notification_id IS NOT NULL;
