-- Support tickets, their timeline, attachments, status history and delivery outbox.
-- Plain SQL shared by PGlite and PostgreSQL; applied in file-name order under an advisory lock.

CREATE SEQUENCE ticket_number_seq START WITH 1001;

CREATE TABLE tickets (
  id uuid PRIMARY KEY,
  number integer NOT NULL UNIQUE DEFAULT nextval('ticket_number_seq'),
  owner_user_id text NOT NULL,
  contract_id text,
  status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'SUBMITTED', 'CANCELLED')),
  -- The ticket's scalar fields (title, description, ids, priority, ...) as core's TicketDraft, already redacted.
  fields jsonb NOT NULL DEFAULT '{}'::jsonb,
  idempotency_key text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  submitted_at timestamptz
);
CREATE INDEX tickets_owner_idx ON tickets (owner_user_id, number DESC);
CREATE INDEX tickets_contract_idx ON tickets (contract_id, number DESC);

CREATE TABLE ticket_timeline (
  id uuid PRIMARY KEY,
  ticket_id uuid NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  -- As given (ISO-8601 with its time zone), so the reporter's zone is kept.
  at text NOT NULL,
  event text NOT NULL,
  -- Insertion order, which created_at cannot give within one transaction.
  seq bigserial NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ticket_timeline_ticket_idx ON ticket_timeline (ticket_id, seq);

CREATE TABLE ticket_attachments (
  id uuid PRIMARY KEY,
  ticket_id uuid NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('SCREENSHOT', 'LOG', 'ERROR_TEXT')),
  name text NOT NULL,
  media_type text NOT NULL,
  size_bytes integer NOT NULL CHECK (size_bytes >= 0),
  content bytea NOT NULL,
  seq bigserial NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ticket_attachments_ticket_idx ON ticket_attachments (ticket_id, seq);

CREATE TABLE ticket_status_history (
  id bigserial PRIMARY KEY,
  ticket_id uuid NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  status text NOT NULL,
  actor_user_id text,
  note text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ticket_status_history_ticket_idx ON ticket_status_history (ticket_id, id);

CREATE TABLE ticket_outbox (
  id uuid PRIMARY KEY,
  -- One delivery per ticket: submitting twice can never queue a second one.
  ticket_id uuid NOT NULL UNIQUE REFERENCES tickets (id) ON DELETE CASCADE,
  channel text NOT NULL,
  message_id text NOT NULL,
  status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  -- A worker's claim: while it lies in the future no other worker takes the job.
  lease_until timestamptz,
  lease_token uuid,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  delivered_at timestamptz
);
CREATE INDEX ticket_outbox_due_idx ON ticket_outbox (next_attempt_at) WHERE status = 'PENDING';
