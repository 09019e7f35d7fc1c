-- The public dump's files as last written (the files lie in the open-data directory): what the open-data page shows.
CREATE TABLE open_data_dump (
    file        TEXT PRIMARY KEY,
    written_at  TIMESTAMPTZ NOT NULL,
    bytes       BIGINT      NOT NULL,
    trials      INTEGER     NOT NULL
);
