-- The catalogue: FHIR resources as the client sent them, every version kept, and an outbox of
-- changes for the indexer, all written in one transaction.

-- The current state of each resource.
CREATE TABLE fhir_resource (
    resource_type  TEXT        NOT NULL,
    id             TEXT        NOT NULL,
    version        INTEGER     NOT NULL,
    last_updated   TIMESTAMPTZ NOT NULL,
    deleted        BOOLEAN     NOT NULL DEFAULT false,
    PRIMARY KEY (resource_type, id)
);
CREATE INDEX fhir_resource_updated_idx ON fhir_resource (resource_type, last_updated, id);

-- Every version of every resource, as stored (FHIR JSON with meta.versionId and meta.lastUpdated).
-- A deleted version has no body.
CREATE TABLE fhir_resource_version (
    resource_type  TEXT        NOT NULL,
    id             TEXT        NOT NULL,
    version        INTEGER     NOT NULL,
    last_updated   TIMESTAMPTZ NOT NULL,
    deleted        BOOLEAN     NOT NULL DEFAULT false,
    method         TEXT        NOT NULL CHECK (method IN ('POST', 'PUT', 'DELETE')),
    body           TEXT,
    PRIMARY KEY (resource_type, id, version),
    FOREIGN KEY (resource_type, id) REFERENCES fhir_resource (resource_type, id)
);
CREATE INDEX fhir_resource_version_updated_idx ON fhir_resource_version (resource_type, last_updated);

-- Identifiers of the current version, for conditional create/update and identifier search.
CREATE TABLE fhir_identifier (
    resource_type  TEXT NOT NULL,
    id             TEXT NOT NULL,
    system         TEXT NOT NULL DEFAULT '',
    value          TEXT NOT NULL,
    FOREIGN KEY (resource_type, id) REFERENCES fhir_resource (resource_type, id)
);
CREATE INDEX fhir_identifier_lookup_idx ON fhir_identifier (resource_type, value, system);
CREATE INDEX fhir_identifier_owner_idx ON fhir_identifier (resource_type, id);

-- References of the current version, for _include and _revinclude.
CREATE TABLE fhir_reference (
    source_type  TEXT NOT NULL,
    source_id    TEXT NOT NULL,
    path         TEXT NOT NULL,
    target_type  TEXT NOT NULL,
    target_id    TEXT NOT NULL,
    FOREIGN KEY (source_type, source_id) REFERENCES fhir_resource (resource_type, id)
);
CREATE INDEX fhir_reference_source_idx ON fhir_reference (source_type, source_id);
CREATE INDEX fhir_reference_target_idx ON fhir_reference (target_type, target_id, path);

-- Changes waiting for the indexer (and later the recruitment matcher). Written in the same
-- transaction as the change; a row is marked processed by each consumer it concerns.
CREATE TABLE outbox_event (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    resource_type  TEXT        NOT NULL,
    resource_id    TEXT        NOT NULL,
    version        INTEGER     NOT NULL,
    change         TEXT        NOT NULL CHECK (change IN ('CREATED', 'UPDATED', 'DELETED')),
    indexed_at     TIMESTAMPTZ
);
CREATE INDEX outbox_event_pending_idx ON outbox_event (id) WHERE indexed_at IS NULL;

-- The typed projection of each current trial (ResearchStudy) that pages and the index read.
CREATE TABLE trial (
    id                  TEXT PRIMARY KEY,
    version             INTEGER     NOT NULL,
    last_updated        TIMESTAMPTZ NOT NULL,
    title               TEXT        NOT NULL,
    status              TEXT        NOT NULL,
    recruitment_status  TEXT,
    projection          JSONB       NOT NULL
);
