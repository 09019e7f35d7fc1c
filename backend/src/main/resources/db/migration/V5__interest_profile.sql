-- Interest profiles: one person's interest in future trials (the volunteer registry). What matching
-- filters on is kept in plain columns with indexes (areas, age, sex, position, travel distance); the
-- e-mail address is encrypted by the application (AES-GCM) before it reaches the database.
CREATE TABLE interest_profile (
    id                 UUID PRIMARY KEY,
    person_id          UUID        NOT NULL UNIQUE REFERENCES person (id) ON DELETE CASCADE,
    -- condition vocabulary concept ids (areas or concepts below them)
    areas              TEXT[]      NOT NULL,
    -- age as given, and the day it was given: matching adds the years passed since
    age_years          SMALLINT    NOT NULL CHECK (age_years BETWEEN 0 AND 130),
    age_given_on       DATE        NOT NULL,
    sex                TEXT        NOT NULL CHECK (sex IN ('male', 'female', 'other')),
    healthy_volunteer  BOOLEAN     NOT NULL,
    postal_code        TEXT        NOT NULL,
    lat                DOUBLE PRECISION NOT NULL,
    lon                DOUBLE PRECISION NOT NULL,
    travel_km          INTEGER     NOT NULL CHECK (travel_km BETWEEN 1 AND 1000),
    notify_portal      BOOLEAN     NOT NULL,
    notify_email       BOOLEAN     NOT NULL,
    email_encrypted    BYTEA,
    consent_version    TEXT        NOT NULL,
    consented_at       TIMESTAMPTZ NOT NULL,
    paused_at          TIMESTAMPTZ,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    CHECK (notify_email = (email_encrypted IS NOT NULL))
);
-- Matching a new trial: active profiles sharing a concept with it, or healthy volunteers.
CREATE INDEX interest_profile_areas_idx ON interest_profile USING GIN (areas) WHERE paused_at IS NULL;
CREATE INDEX interest_profile_healthy_idx ON interest_profile (lat, lon)
    WHERE paused_at IS NULL AND healthy_volunteer;

-- Consents given to or withdrawn from a profile are kept with the person, like those of registrations;
-- a withdrawal stays recorded after the profile itself is deleted.
ALTER TABLE consent_event ALTER COLUMN registration_id DROP NOT NULL;
ALTER TABLE consent_event ADD COLUMN profile_id UUID;
ALTER TABLE consent_event ADD CONSTRAINT consent_event_one_subject
    CHECK ((registration_id IS NULL) <> (profile_id IS NULL));
