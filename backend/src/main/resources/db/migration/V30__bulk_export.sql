-- FHIR Bulk Data export jobs ($export). Kept in PostgreSQL so any instance answers a status poll; the files lie in
-- the open-data directory all instances share. The client is the SHA-256 of its address, never the address.
CREATE TABLE bulk_export_job (
    id                UUID PRIMARY KEY,
    client            TEXT        NOT NULL,
    request           TEXT        NOT NULL,
    types             TEXT[]      NOT NULL,
    since             TIMESTAMPTZ,
    transaction_time  TIMESTAMPTZ NOT NULL,
    status            TEXT        NOT NULL CHECK (status IN ('running', 'done', 'failed')),
    progress          TEXT        NOT NULL DEFAULT '',
    output            JSONB,
    heartbeat_at      TIMESTAMPTZ NOT NULL,
    expires_at        TIMESTAMPTZ
);
CREATE INDEX bulk_export_job_running_idx ON bulk_export_job (client) WHERE status = 'running';
CREATE INDEX bulk_export_job_expires_idx ON bulk_export_job (expires_at);
