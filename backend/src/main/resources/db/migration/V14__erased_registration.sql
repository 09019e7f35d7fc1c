-- When a person deletes their account, every registration of theirs is erased, and the trial teams (and the hospital
-- systems that pulled the registration as a ResearchSubject) must learn of it (GDPR Art. 19). What remains is this
-- tombstone: the registration's id and trial and when it was made and erased; nothing about the person.
CREATE TABLE erased_registration (
    id          UUID PRIMARY KEY,
    trial_id    TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX erased_registration_trial_idx ON erased_registration (trial_id, updated_at, id);
