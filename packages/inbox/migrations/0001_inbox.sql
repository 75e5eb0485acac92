-- Error groups of a workspace as the inbox remembers them: their state and who set it, counts and flow versions.
-- A group's id is the fingerprint it was first stored under; inbox_fingerprints maps every grouping version's
-- fingerprint to it, so a change of grouping rules never splits a stored group.
CREATE TABLE inbox_groups (
  workspace_id text NOT NULL,
  fingerprint text NOT NULL,
  fingerprint_version integer NOT NULL,
  flow_id text NOT NULL,
  step_id text,
  pattern text NOT NULL,
  state text NOT NULL,
  first_seen timestamptz NOT NULL,
  last_seen timestamptz NOT NULL,
  total_count bigint NOT NULL DEFAULT 0,
  last_flow_version text,
  changed_by text,
  changed_at timestamptz NOT NULL,
  note text,
  resolved_flow_version text,
  regressed_flow_version text,
  snooze_until timestamptz,
  snooze_occurrences integer,
  snooze_seen integer NOT NULL DEFAULT 0,
  snooze_rate_count integer,
  snooze_rate_hours integer,
  PRIMARY KEY (workspace_id, fingerprint)
);
CREATE INDEX inbox_groups_by_state ON inbox_groups (workspace_id, state, last_seen DESC);

CREATE TABLE inbox_fingerprints (
  workspace_id text NOT NULL,
  version integer NOT NULL,
  fingerprint text NOT NULL,
  group_fingerprint text NOT NULL,
  PRIMARY KEY (workspace_id, version, fingerprint),
  FOREIGN KEY (workspace_id, group_fingerprint) REFERENCES inbox_groups (workspace_id, fingerprint) ON DELETE CASCADE
);

-- Occurrences per group and hour (by the entries' own times), kept for a bounded number of days.
CREATE TABLE inbox_hourly_counts (
  workspace_id text NOT NULL,
  fingerprint text NOT NULL,
  hour timestamptz NOT NULL,
  count integer NOT NULL,
  PRIMARY KEY (workspace_id, fingerprint, hour),
  FOREIGN KEY (workspace_id, fingerprint) REFERENCES inbox_groups (workspace_id, fingerprint) ON DELETE CASCADE
);
CREATE INDEX inbox_hourly_counts_by_hour ON inbox_hourly_counts (hour);

-- What happened to groups, in order: what alerts and subscriptions read.
CREATE TABLE inbox_events (
  id bigserial PRIMARY KEY,
  workspace_id text NOT NULL,
  fingerprint text NOT NULL,
  kind text NOT NULL,
  state text NOT NULL,
  at timestamptz NOT NULL,
  flow_version text,
  detail jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX inbox_events_by_workspace ON inbox_events (workspace_id, id);
