-- The mail queue moves to notify. A mail names its text (template), its trial and its recipient: the trial's team
-- (at the trial's contact address) or a person, by a reference the module that queued it resolves when the mail
-- is sent (a profile's person id, an interest registration's id), so notify never reads that module's tables.
CREATE TABLE mail (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    queued_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    template         TEXT        NOT NULL CHECK (template IN ('matching-trial', 'team-message', 'new-candidate')),
    trial_id         TEXT        NOT NULL,
    recipient_kind   TEXT        NOT NULL,
    recipient_id     TEXT        NOT NULL,
    attempts         INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at          TIMESTAMPTZ
);
CREATE INDEX mail_due_idx ON mail (next_attempt_at) WHERE sent_at IS NULL;

INSERT INTO mail (queued_at, template, trial_id, recipient_kind, recipient_id, attempts, next_attempt_at, sent_at)
SELECT o.occurred_at,
       CASE WHEN o.mail_to = 'team' THEN 'new-candidate'
            WHEN o.kind = 'candidate-message-mail' THEN 'team-message'
            ELSE 'matching-trial' END,
       o.trial_id,
       CASE WHEN o.mail_to = 'team' THEN 'trial-team'
            WHEN o.person_notification_id IS NOT NULL THEN 'profile'
            ELSE 'registration' END,
       CASE WHEN o.mail_to = 'team' THEN o.trial_id
            WHEN o.person_notification_id IS NOT NULL THEN n.person_id::text
            ELSE o.registration_id::text END,
       o.attempts, o.next_attempt_at, o.sent_at
  FROM notification_outbox o
  LEFT JOIN person_notification n ON n.id = o.person_notification_id
 WHERE o.mail_to IS NOT NULL AND o.trial_id IS NOT NULL
   AND (o.mail_to = 'team' OR n.id IS NOT NULL OR o.registration_id IS NOT NULL)
 ORDER BY o.id;

-- What stays is recruitment's record of what each trial team was told (registered, renewed, changed, withdrawn,
-- deleted), without the mail's state.
DELETE FROM notification_outbox WHERE mail_to = 'person';
DROP INDEX notification_outbox_mail_idx;
ALTER TABLE notification_outbox RENAME TO team_notification;
ALTER TABLE team_notification RENAME CONSTRAINT notification_outbox_pkey TO team_notification_pkey;
ALTER TABLE team_notification
    DROP COLUMN person_notification_id,
    DROP COLUMN attempts,
    DROP COLUMN next_attempt_at,
    DROP COLUMN mail_to,
    DROP COLUMN sent_at;
