-- Alert rules of a workspace: which group events (NEW, REGRESSED, ESCALATING), optionally only of some taxonomy
-- levels and causes, go to which configured channel (ALERT_CHANNELS names it; no URL or secret is stored here), at
-- most one message per digest interval, held during quiet hours. Who created and last changed it, and when.
CREATE TABLE inbox_alert_rules (
  id uuid PRIMARY KEY,
  workspace_id text NOT NULL,
  name text NOT NULL,
  event_kinds jsonb NOT NULL,
  levels jsonb NOT NULL DEFAULT '[]'::jsonb,
  causes jsonb NOT NULL DEFAULT '[]'::jsonb,
  channel text NOT NULL,
  digest_minutes integer NOT NULL DEFAULT 0 CHECK (digest_minutes BETWEEN 0 AND 10080),
  quiet_start text,
  quiet_end text,
  quiet_time_zone text,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (workspace_id, name),
  CHECK ((quiet_start IS NULL) = (quiet_end IS NULL) AND (quiet_start IS NULL) = (quiet_time_zone IS NULL))
);

-- Each event a rule matched, written in the transaction that records the event (so it is raised once: the key is
-- the rule and the event). Held (job_id NULL) until the rule's digest interval and quiet hours let it go; then one
-- outbox job carries all of a rule's held events.
CREATE TABLE inbox_alerts (
  rule_id uuid NOT NULL REFERENCES inbox_alert_rules (id) ON DELETE CASCADE,
  event_id bigint NOT NULL REFERENCES inbox_events (id) ON DELETE CASCADE,
  workspace_id text NOT NULL,
  cause text NOT NULL,
  level text NOT NULL,
  raised_at timestamptz NOT NULL,
  job_id uuid,
  sent_at timestamptz,
  PRIMARY KEY (rule_id, event_id)
);
CREATE INDEX inbox_alerts_held ON inbox_alerts (workspace_id, rule_id) WHERE job_id IS NULL;
CREATE INDEX inbox_alerts_sent ON inbox_alerts (rule_id, sent_at DESC) WHERE job_id IS NOT NULL;
