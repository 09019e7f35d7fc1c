-- Stale records: when a trial's team last confirmed that its record is current, and when the team was last nudged to
-- (a nudge at most once a month). A trial is fresh for 12 months from its last change or confirmation (Freshness).
ALTER TABLE trial ADD COLUMN confirmed_at TIMESTAMPTZ;
ALTER TABLE trial ADD COLUMN nudged_at TIMESTAMPTZ;

ALTER TABLE mail DROP CONSTRAINT mail_template_check;
ALTER TABLE mail ADD CONSTRAINT mail_template_check
    CHECK (template IN ('matching-trial', 'team-message', 'new-candidate', 'stale-trial'));
