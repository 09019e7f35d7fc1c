-- People who registered interest, known by the subject their login gives (MitID broker in production).
-- Contact details are encrypted by the application (AES-GCM) before they reach the database.
CREATE TABLE person (
    id          UUID PRIMARY KEY,
    subject     TEXT        NOT NULL UNIQUE,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- One person's interest in one trial, with the consent given and, if so, its withdrawal.
CREATE TABLE interest_registration (
    id                 UUID PRIMARY KEY,
    person_id          UUID        NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    trial_id           TEXT        NOT NULL,
    status             TEXT        NOT NULL CHECK (status IN ('received', 'contacted', 'screening', 'included',
                                                              'not-eligible', 'withdrawn')),
    contact_channel    TEXT        NOT NULL CHECK (contact_channel IN ('email', 'phone', 'portal')),
    contact_encrypted  BYTEA,
    message_encrypted  BYTEA,
    consent_version    TEXT        NOT NULL,
    consented_at       TIMESTAMPTZ NOT NULL,
    withdrawn_at       TIMESTAMPTZ,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    UNIQUE (person_id, trial_id)
);
CREATE INDEX interest_registration_trial_idx ON interest_registration (trial_id, created_at DESC);

-- Every consent given or withdrawn, with the exact version of the text shown. Kept with the person.
CREATE TABLE consent_event (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id        UUID        NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    registration_id  UUID        NOT NULL REFERENCES interest_registration (id) ON DELETE CASCADE,
    kind             TEXT        NOT NULL CHECK (kind IN ('given', 'withdrawn')),
    text_version     TEXT        NOT NULL,
    occurred_at      TIMESTAMPTZ NOT NULL
);

-- Notifications waiting to be sent (to trial teams, and later to people), written in the same
-- transaction as what caused them; the notify worker sends and marks them.
CREATE TABLE notification_outbox (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    kind          TEXT        NOT NULL,
    trial_id      TEXT,
    registration_id UUID,
    sent_at       TIMESTAMPTZ
);
