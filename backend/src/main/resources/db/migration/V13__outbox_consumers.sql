-- Each reader of the catalogue's outbox keeps its own position, instead of a column per reader in outbox_event.
-- Readers go in the order of the writing transactions (tx, then id) and only up to the oldest transaction still
-- running, so a transaction that commits after a younger one is never skipped.
ALTER TABLE outbox_event ADD COLUMN tx xid8;
UPDATE outbox_event SET tx = pg_current_xact_id();
ALTER TABLE outbox_event ALTER COLUMN tx SET NOT NULL, ALTER COLUMN tx SET DEFAULT pg_current_xact_id();
CREATE INDEX outbox_event_order_idx ON outbox_event (tx, id);

-- A reader's position (the last event it handled) and who holds it now: an instance claims the next batch with a
-- lease, so two instances never read the same batch at once.
CREATE TABLE outbox_consumer (
    name          TEXT        PRIMARY KEY,
    position_tx   xid8        NOT NULL DEFAULT '0',
    position_id   BIGINT      NOT NULL DEFAULT 0,
    leased_by     TEXT,
    leased_until  TIMESTAMPTZ
);

-- Current progress carries over: each reader stands just before its oldest change not yet handled (all rows now
-- share this transaction's tx, so their ids order them).
INSERT INTO outbox_consumer (name, position_tx, position_id)
VALUES ('trial-indexer', pg_current_xact_id(),
        coalesce((SELECT min(id) - 1 FROM outbox_event WHERE indexed_at IS NULL),
                 (SELECT max(id) FROM outbox_event), 0)),
       ('profile-matcher', pg_current_xact_id(),
        coalesce((SELECT min(id) - 1 FROM outbox_event WHERE matched_at IS NULL AND resource_type = 'ResearchStudy'),
                 (SELECT max(id) FROM outbox_event), 0));

DROP INDEX outbox_event_pending_idx;
DROP INDEX outbox_event_unmatched_idx;
ALTER TABLE outbox_event DROP COLUMN indexed_at, DROP COLUMN matched_at;
