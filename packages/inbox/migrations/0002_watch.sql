-- The workspaces the watcher reads, with the platform credentials it reads them as (sealed with AES-256-GCM under
-- a key from the environment; never stored in clear), and how far it has read.
CREATE TABLE inbox_watches (
  workspace_id text PRIMARY KEY,
  credentials text NOT NULL,
  cursor_at timestamptz,
  cursor_ids jsonb NOT NULL DEFAULT '[]'::jsonb,
  updated_at timestamptz NOT NULL
);

-- Leases that elect one holder per deployment (the watcher's leader).
CREATE TABLE inbox_leases (
  name text PRIMARY KEY,
  holder text NOT NULL,
  until timestamptz NOT NULL
);
