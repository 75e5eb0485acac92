-- One ticket per problem: the fingerprints a ticket was made for, every later occurrence, follow-up deliveries,
-- resolution and reopening, and the redactions a person reviews in the preview.

ALTER TABLE tickets
  ADD COLUMN occurrences integer NOT NULL DEFAULT 1,
  ADD COLUMN last_seen_at timestamptz,
  ADD COLUMN resolved_at timestamptz,
  ADD COLUMN reopened_count integer NOT NULL DEFAULT 0;

CREATE TABLE ticket_fingerprints (
  -- Deferred, so a report claims the fingerprint before it writes the ticket, in one transaction.
  ticket_id uuid NOT NULL REFERENCES tickets (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  contract_id text NOT NULL,
  fingerprint text NOT NULL,
  -- False once the ticket is resolved or cancelled; true again when a resolved ticket reopens.
  open boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (ticket_id, fingerprint)
);
-- At most one open ticket per problem and contract: concurrent reports of it meet here, not in application code.
CREATE UNIQUE INDEX ticket_fingerprints_open_idx ON ticket_fingerprints (contract_id, fingerprint) WHERE open;
CREATE INDEX ticket_fingerprints_problem_idx ON ticket_fingerprints (contract_id, fingerprint);

CREATE TABLE ticket_occurrences (
  id uuid PRIMARY KEY,
  ticket_id uuid NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  fingerprint text NOT NULL,
  at timestamptz NOT NULL,
  -- The log lines around this occurrence, redacted.
  excerpt text,
  reported_by text NOT NULL,
  -- True for the occurrence that reopened a resolved ticket.
  reopened boolean NOT NULL DEFAULT false,
  seq bigserial NOT NULL
);
CREATE INDEX ticket_occurrences_ticket_idx ON ticket_occurrences (ticket_id, seq);

-- Follow-ups: 0 is the ticket's own delivery, 1, 2, ... the follow-up messages threaded to it.
ALTER TABLE ticket_outbox DROP CONSTRAINT ticket_outbox_ticket_id_key;
ALTER TABLE ticket_outbox ADD COLUMN follow_up integer NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX ticket_outbox_ticket_follow_up_idx ON ticket_outbox (ticket_id, follow_up);

CREATE TABLE ticket_redactions (
  id uuid PRIMARY KEY,
  ticket_id uuid NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  -- The part of the ticket: a field (`description`, `title`, `errorText`), `timeline:<id>` or `attachment:<id>`.
  field text NOT NULL,
  -- The kind of secret (a shape id of the catalogue, `key-value`, `url-password`, `private-key`) or `manual`.
  kind text NOT NULL,
  -- Where the marker starts in the field's stored (redacted) text; moves when an earlier span changes.
  position integer NOT NULL,
  -- What was masked, kept only while the ticket is a draft so a person can restore it; cleared on submission.
  original text,
  status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'RESTORED')),
  created_at timestamptz NOT NULL DEFAULT now(),
  seq bigserial NOT NULL
);
CREATE INDEX ticket_redactions_ticket_idx ON ticket_redactions (ticket_id, field, seq);
