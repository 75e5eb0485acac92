-- The outbox carries alerts too (one queue, one worker, the same retries): a job is a ticket's delivery or an alert
-- message. An alert job has no ticket; it carries its message (already composed and redacted) and a unique key that
-- makes enqueueing it idempotent, and `channel` names a channel of the server's configuration (ALERT_CHANNELS).
ALTER TABLE ticket_outbox ADD COLUMN kind text NOT NULL DEFAULT 'TICKET' CHECK (kind IN ('TICKET', 'ALERT'));
ALTER TABLE ticket_outbox ALTER COLUMN ticket_id DROP NOT NULL;
ALTER TABLE ticket_outbox ADD COLUMN job_key text UNIQUE;
ALTER TABLE ticket_outbox ADD COLUMN payload jsonb;
ALTER TABLE ticket_outbox ADD CONSTRAINT ticket_outbox_job_shape CHECK (
  (kind = 'TICKET' AND ticket_id IS NOT NULL)
  OR (kind = 'ALERT' AND ticket_id IS NULL AND payload IS NOT NULL AND job_key IS NOT NULL)
);
