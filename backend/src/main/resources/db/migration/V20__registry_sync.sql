-- Where each live registry sync is (docs/registry-sync.md): one row per registry. A run commits its position after
-- every page it imported, so a run that stopped (a crash, a registry that kept failing) resumes from the page after
-- the last committed one.
CREATE TABLE registry_sync (
    source            TEXT PRIMARY KEY,   -- clinicaltrials.gov, ctis
    running           BOOLEAN NOT NULL,   -- a run began and has not reached the last page
    since             DATE,               -- the running run's lower bound of a record's last update (null: all)
    next_page         TEXT,               -- the page the running run fetches next (null: its first page)
    pages_done        INTEGER NOT NULL DEFAULT 0,
    run_started_at    TIMESTAMPTZ,        -- when the running (or last) run began
    completed_since   DATE,               -- the day the last complete run began: the next run's default since
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
