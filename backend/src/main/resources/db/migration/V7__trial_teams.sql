-- Trial teams: the hospital departments whose members list trials and work their candidates. An
-- organization's id is the one tokens carry in their `organization` claim (e.g. rh-onkologi).
CREATE TABLE team_organization (
    id          TEXT PRIMARY KEY,
    name        TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- People a platform administrator assigned to an organization, by their login subject. A token's own
-- `organization` claim counts as membership too (the hospital's login vouches for it).
CREATE TABLE team_member (
    organization_id  TEXT        NOT NULL REFERENCES team_organization (id) ON DELETE CASCADE,
    subject          TEXT        NOT NULL,
    display_name     TEXT,
    assigned_by      TEXT        NOT NULL,
    assigned_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (organization_id, subject)
);
CREATE INDEX team_member_subject_idx ON team_member (subject);

-- Which organization's team runs a trial: set by the first write of a team member or hospital
-- system, or by an administrator. Trials without a row (imported from registries) belong to no team.
CREATE TABLE trial_team (
    trial_id         TEXT PRIMARY KEY,
    organization_id  TEXT        NOT NULL REFERENCES team_organization (id),
    assigned_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX trial_team_organization_idx ON trial_team (organization_id);

-- Blind contact: the team sees a candidate's contact details only once the person agreed to share them.
ALTER TABLE interest_registration ADD COLUMN contact_shared_at TIMESTAMPTZ;

-- The team's notes on a candidate (encrypted; deleted with the person).
CREATE TABLE candidate_note (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    registration_id  UUID        NOT NULL REFERENCES interest_registration (id) ON DELETE CASCADE,
    author           TEXT        NOT NULL,
    body_encrypted   BYTEA       NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX candidate_note_registration_idx ON candidate_note (registration_id, created_at);

-- Messages between the trial team and a candidate inside the platform (encrypted; deleted with the person).
CREATE TABLE candidate_message (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    registration_id  UUID        NOT NULL REFERENCES interest_registration (id) ON DELETE CASCADE,
    sender           TEXT        NOT NULL CHECK (sender IN ('team', 'person')),
    author           TEXT        NOT NULL,
    body_encrypted   BYTEA       NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    read_at          TIMESTAMPTZ
);
CREATE INDEX candidate_message_registration_idx ON candidate_message (registration_id, created_at);

-- Hospital systems poll new and changed candidates per trial (ResearchSubject?study=…&_lastUpdated=gt…).
CREATE INDEX interest_registration_updated_idx ON interest_registration (trial_id, updated_at);
