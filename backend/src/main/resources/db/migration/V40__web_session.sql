-- Login sessions of the pages (portal, workspace, clinician app), shared by every instance: a person stays logged in
-- whichever instance answers (identity.PostgresSessions). The attributes are the session's Java-serialised map
-- (Spring Security's context, the CSRF token, a login under way, the clinician app's handle to its launch; never the
-- launch itself).
CREATE TABLE web_session (
    id               TEXT PRIMARY KEY,
    created_at       TIMESTAMPTZ NOT NULL,
    last_accessed_at TIMESTAMPTZ NOT NULL,
    max_inactive     INTERVAL NOT NULL,
    expires_at       TIMESTAMPTZ NOT NULL,
    attributes       BYTEA NOT NULL
);

CREATE INDEX web_session_expires_at ON web_session (expires_at);
