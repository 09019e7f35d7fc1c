-- The typed projection of each current site (Location) that the search index reads: name, address,
-- region and position, kept beside the resource in the same transaction.
CREATE TABLE site (
    id            TEXT PRIMARY KEY,
    version       INTEGER     NOT NULL,
    last_updated  TIMESTAMPTZ NOT NULL,
    projection    JSONB       NOT NULL
);

-- Trials are reindexed when one of their sites changes: find them by the site they reference.
CREATE INDEX fhir_reference_site_idx ON fhir_reference (target_id) WHERE target_type = 'Location';
