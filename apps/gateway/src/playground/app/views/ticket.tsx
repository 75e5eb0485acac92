import { REDACTION_MARKER } from "@flowdoctor/core";
import { type ReactNode, useEffect, useRef, useState } from "react";
import type { RanOperation } from "../api.js";
import {
  CauseChip,
  ErrorList,
  Loading,
  QueryPanel,
  Section,
  Time,
  useMutation,
  useOperation,
} from "../parts.js";
import { hashOf } from "../route.js";

interface Missing {
  readonly field: string;
  readonly question: string;
}

interface Delivery {
  readonly status: string;
  readonly attempts: number;
  readonly maxAttempts: number;
  readonly channel: string;
  readonly deliveredAt: string | null;
  readonly lastError: string | null;
  readonly nextAttemptAt: string | null;
}

interface Ticket {
  readonly id: string;
  readonly key: string;
  readonly status: string;
  readonly title: string | null;
  readonly cause: string | null;
  readonly troubleshootingLevel: string | null;
  readonly contractId: string | null;
  readonly flowId: string | null;
  readonly isBlocker: boolean | null;
  readonly blockerImpact: string | null;
  readonly deadline: string | null;
  readonly priority: string | null;
  readonly reproducible: boolean | null;
  readonly docsChecked: boolean | null;
  readonly docsConsulted: readonly string[] | null;
  readonly supportAccessGranted: boolean | null;
  readonly description: string | null;
  readonly missing: readonly Missing[];
  readonly delivery: Delivery | null;
  readonly submittedAt: string | null;
  readonly timeline: readonly { readonly at: string; readonly event: string }[];
}

/** One redaction as the preview reports it: its kind, and where its marker sits in the field and in the body. */
export interface PreviewMark {
  readonly id: string | null;
  readonly kind: string;
  readonly from: number;
  readonly to: number;
  readonly textFrom: number | null;
}

interface PreviewField {
  readonly field: string;
  readonly attachmentName: string | null;
  readonly marks: readonly PreviewMark[];
}

interface Preview {
  readonly fields: readonly PreviewField[];
  readonly subject: string;
  readonly from: string;
  readonly to: string;
  readonly messageId: string;
  readonly text: string;
  readonly attachments: readonly {
    readonly filename: string;
    readonly contentType: string;
    readonly sizeBytes: number;
  }[];
}

interface TicketRow {
  readonly id: string;
  readonly key: string;
  readonly status: string;
  readonly title: string | null;
  readonly cause: string | null;
  readonly createdAt: string;
  readonly delivery: { readonly status: string; readonly deliveredAt: string | null } | null;
}

/** The fields the composer edits, as the form holds them (text for every input). */
type Form = Record<EditableField, string>;
const EDITABLE = [
  "title",
  "description",
  "priority",
  "isBlocker",
  "blockerImpact",
  "deadline",
  "reproducible",
  "docsChecked",
  "docsConsulted",
  "supportAccessGranted",
] as const;
type EditableField = (typeof EDITABLE)[number];
const BOOLEAN_FIELDS: ReadonlySet<string> = new Set([
  "isBlocker",
  "reproducible",
  "docsChecked",
  "supportAccessGranted",
]);
const LIST_FIELDS: ReadonlySet<string> = new Set(["docsConsulted"]);

const formOf = (ticket: Ticket): Form => {
  const text = (value: unknown): string =>
    value === null || value === undefined ? "" : Array.isArray(value) ? value.join("\n") : String(value);
  return Object.fromEntries(EDITABLE.map((field) => [field, text(ticket[field])])) as Form;
};

/** The API's input for the fields changed in the form: text, yes/no and one list item per line; blank clears. */
export const inputOf = (form: Partial<Form>): Record<string, unknown> => {
  const input: Record<string, unknown> = {};
  for (const [field, raw] of Object.entries(form)) {
    const value = (raw ?? "").trim();
    if (BOOLEAN_FIELDS.has(field)) input[field] = value === "" ? null : value === "true";
    else if (LIST_FIELDS.has(field))
      input[field] =
        value === ""
          ? null
          : value
              .split("\n")
              .map((line) => line.trim())
              .filter(Boolean);
    else input[field] = value === "" ? null : value;
  }
  return input;
};

/** Where a marker sits in the body, and what it says about the secret it replaced. */
export interface BodyMark {
  readonly at: number;
  readonly length: number;
  readonly title: string;
}

/** The marks the preview placed in the body (field marks that the body quotes as they are), in order. */
export const bodyMarks = (fields: readonly PreviewField[]): BodyMark[] =>
  fields
    .flatMap((field) =>
      field.marks.flatMap((mark) =>
        mark.textFrom === null
          ? []
          : [{ at: mark.textFrom, length: mark.to - mark.from, title: `${mark.kind} in ${field.field}` }],
      ),
    )
    .sort((a, b) => a.at - b.at);

/**
 * The preview text with every redaction marked, so the reader sees what Flowdoctor took out: at the places the preview
 * reports (titled with the kind of secret and its field), and at any other marker the delivery's own redaction left.
 */
export const markRedactions = (text: string, marks: readonly BodyMark[] = []): ReactNode[] => {
  const nodes: ReactNode[] = [];
  const known = new Map(marks.map((mark) => [mark.at, mark]));
  let from = 0;
  const next = (after: number) => {
    const placed = marks.find((mark) => mark.at >= after)?.at ?? -1;
    const generic = text.indexOf(REDACTION_MARKER, after);
    return placed < 0 ? generic : generic < 0 ? placed : Math.min(placed, generic);
  };
  for (let at = next(0); at >= 0; at = next(from)) {
    const mark = known.get(at);
    const length = mark?.length ?? REDACTION_MARKER.length;
    nodes.push(
      text.slice(from, at),
      <mark
        key={`redacted@${at}`}
        className="fd-redacted"
        title={mark ? `Redacted: ${mark.title}` : "Removed by Flowdoctor's redaction before sending"}
      >
        {text.slice(at, at + length)}
      </mark>,
    );
    from = at + length;
  }
  nodes.push(text.slice(from));
  return nodes;
};

const YesNo = ({ label, field, form, onChange, missing }: FieldProps & { label: string }) => (
  <label className="fd-field fd-stack">
    {label}
    <select
      value={form[field]}
      aria-invalid={missing.has(field) || undefined}
      onChange={(event) => onChange(field, event.target.value)}
    >
      <option value="">not answered</option>
      <option value="true">yes</option>
      <option value="false">no</option>
    </select>
  </label>
);

interface FieldProps {
  readonly field: EditableField;
  readonly form: Form;
  readonly missing: ReadonlySet<string>;
  readonly onChange: (field: EditableField, value: string) => void;
}

const TextField = ({
  label,
  field,
  form,
  onChange,
  missing,
  lines,
}: FieldProps & { label: string; lines?: number }) =>
  lines ? (
    <label className="fd-field fd-stack">
      {label}
      <textarea
        rows={lines}
        value={form[field]}
        aria-invalid={missing.has(field) || undefined}
        onChange={(event) => onChange(field, event.target.value)}
      />
    </label>
  ) : (
    <label className="fd-field fd-stack">
      {label}
      <input
        value={form[field]}
        aria-invalid={missing.has(field) || undefined}
        onChange={(event) => onChange(field, event.target.value)}
      />
    </label>
  );

const PRIORITIES = ["LOW", "NORMAL", "HIGH", "URGENT"] as const;

const Checklist = ({ missing, saving }: { missing: readonly Missing[]; saving: boolean }) => (
  <div className="fd-checklist" aria-live="polite">
    <h3>Still missing {saving && <span className="fd-muted">(checking…)</span>}</h3>
    {missing.length === 0 ? (
      <p className="fd-ok">Nothing: the ticket has what support needs.</p>
    ) : (
      <ul aria-label="Still missing">
        {missing.map((item) => (
          <li key={item.field}>
            <code>{item.field}</code>: {item.question}
          </li>
        ))}
      </ul>
    )}
  </div>
);

const DeliveryStatus = ({ ticket }: { ticket: Ticket }) =>
  ticket.delivery ? (
    <p className={`fd-delivery fd-delivery-${ticket.delivery.status.toLowerCase()}`} role="status">
      {ticket.key} {ticket.status.toLowerCase()}; delivery by {ticket.delivery.channel}:{" "}
      <strong>{ticket.delivery.status.toLowerCase()}</strong> after {ticket.delivery.attempts} of{" "}
      {ticket.delivery.maxAttempts} attempts
      {ticket.delivery.deliveredAt && (
        <>
          {" "}
          at <Time value={ticket.delivery.deliveredAt} />
        </>
      )}
      {ticket.delivery.lastError && ` (last error: ${ticket.delivery.lastError})`}.
    </p>
  ) : null;

const RedactionList = ({
  fields,
  onRestore,
}: {
  fields: readonly PreviewField[];
  onRestore: ((redactionId: string) => void) | undefined;
}) => {
  const marks = fields.flatMap((field) => field.marks.map((mark) => ({ field, mark })));
  if (marks.length === 0) return null;
  return (
    <ul className="fd-redactions" aria-label="Redactions">
      {marks.map(({ field, mark }) => (
        <li key={`${field.field}:${mark.from}`}>
          <code className="fd-code-chip">{mark.kind}</code> in {field.attachmentName ?? field.field},
          characters {mark.from}–{mark.to}
          {onRestore && mark.id && (
            <>
              {" "}
              <button
                type="button"
                className="fd-small"
                onClick={() => onRestore(mark.id as string)}
                aria-label={`Restore the ${mark.kind} redaction in ${field.field}: it is not a secret`}
              >
                Not a secret: restore
              </button>
            </>
          )}
        </li>
      ))}
    </ul>
  );
};

const PreviewPane = ({
  preview,
  onRestore,
}: {
  preview: Preview;
  onRestore: ((redactionId: string) => void) | undefined;
}) => {
  const redactions = preview.text.split(REDACTION_MARKER).length - 1;
  return (
    <section className="fd-preview" aria-label="Preview as support receives it">
      <dl className="fd-headers">
        <dt>From</dt>
        <dd>{preview.from}</dd>
        <dt>To</dt>
        <dd>{preview.to}</dd>
        <dt>Subject</dt>
        <dd>{preview.subject}</dd>
        <dt>Message-ID</dt>
        <dd>{preview.messageId}</dd>
        <dt>Attachments</dt>
        <dd>
          {preview.attachments.length === 0
            ? "none"
            : preview.attachments
                .map((file) => `${file.filename} (${file.contentType}, ${file.sizeBytes} bytes)`)
                .join(", ")}
        </dd>
      </dl>
      <p className="fd-muted">
        {redactions === 0
          ? "No redactions in this text."
          : `${redactions} redaction${redactions === 1 ? "" : "s"} marked: Flowdoctor removed what looked like secrets.`}
      </p>
      <pre className="fd-code fd-preview-text">{markRedactions(preview.text, bodyMarks(preview.fields))}</pre>
      <RedactionList fields={preview.fields} onRestore={onRestore} />
    </section>
  );
};

const TicketList = ({ contractId }: { contractId: string | null | undefined }) => {
  const { answer, ran } = useOperation<{ tickets: { totalCount: number; nodes: readonly TicketRow[] } }>(
    "tickets",
    { first: 20, ...(contractId ? { contractId } : {}) },
  );
  const tickets = answer?.data?.tickets;
  return (
    <Section title={contractId ? "The contract's tickets" : "Your tickets"}>
      <ErrorList errors={answer?.errors} />
      {tickets && tickets.totalCount === 0 && <p className="fd-muted">No tickets yet.</p>}
      {tickets && tickets.totalCount > 0 && (
        <table className="fd-table">
          <caption className="fd-sr-only">Tickets</caption>
          <thead>
            <tr>
              <th scope="col">Ticket</th>
              <th scope="col">Title</th>
              <th scope="col">Cause</th>
              <th scope="col">Status</th>
              <th scope="col">Delivery</th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {tickets.nodes.map((row) => (
              <tr key={row.id}>
                <td>
                  <a href={hashOf("ticket", { id: row.id })}>{row.key}</a>
                </td>
                <td>{row.title ?? "–"}</td>
                <td>{row.cause ?? "–"}</td>
                <td>{row.status.toLowerCase()}</td>
                <td>{row.delivery?.status.toLowerCase() ?? "–"}</td>
                <td>
                  <Time value={row.createdAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <QueryPanel ran={ran} label="The tickets query" />
    </Section>
  );
};

const SAVE_DELAY_MS = 400;
const POLL_MS = 1_000;
const POLLS = 60;

/** Saves changed fields a moment after typing stops; the answer's missing list drives the checklist. */
const useAutosave = (ticketId: string, onMissing: (missing: readonly Missing[]) => void) => {
  const update = useMutation<{ updateTicket: { missing: readonly Missing[] } }>("updateTicket");
  const changed = useRef<Partial<Form>>({});
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const [pending, setPending] = useState(false);
  const flush = async () => {
    clearTimeout(timer.current);
    const input = inputOf(changed.current);
    changed.current = {};
    if (Object.keys(input).length === 0) return;
    const answer = await update.run({ id: ticketId, input });
    setPending(false);
    if (answer.data) onMissing(answer.data.updateTicket.missing);
  };
  const change = (field: EditableField, value: string) => {
    changed.current = { ...changed.current, [field]: value };
    setPending(true);
    clearTimeout(timer.current);
    timer.current = setTimeout(flush, SAVE_DELAY_MS);
  };
  useEffect(() => () => clearTimeout(timer.current), []);
  return { change, flush, saving: pending || update.busy, errors: update.errors, ran: update.ran };
};

const Composer = ({ ticket, onSubmitted }: { ticket: Ticket; onSubmitted: () => void }) => {
  const [form, setForm] = useState<Form>(() => formOf(ticket));
  const [missing, setMissing] = useState<readonly Missing[]>(ticket.missing);
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [preview, setPreview] = useState<Preview>();
  const [delivered, setDelivered] = useState<Ticket>();
  const [timelineEntry, setTimelineEntry] = useState({ at: "", event: "" });
  const autosave = useAutosave(ticket.id, setMissing);
  const previewQuery = useMutation<{ ticketPreview: Preview | null }>("preview");
  const submit = useMutation<{ submitTicket: Ticket }>("submit");
  const poll = useMutation<{ ticket: Ticket | null }>("ticket");
  const timeline = useMutation<{ addTimelineEvent: { missing: readonly Missing[] } }>("addTimelineEvent");
  const missingFields = new Set(missing.map((item) => item.field));
  const editable = ticket.status === "DRAFT" && !delivered;
  const onChange = (field: EditableField, value: string) => {
    setForm((previous) => ({ ...previous, [field]: value }));
    autosave.change(field, value);
  };
  const restore = useMutation<{ restoreRedaction: { id: string } | null }>("restoreRedaction");
  const showPreview = async () => {
    await autosave.flush();
    const answer = await previewQuery.run({ id: ticket.id });
    if (answer.data?.ticketPreview) setPreview(answer.data.ticketPreview);
  };
  const onRestore = async (redactionId: string) => {
    const answer = await restore.run({ ticketId: ticket.id, redactionId });
    if (answer.data?.restoreRedaction) await showPreview();
  };
  const follow = async () => {
    for (let round = 0; round < POLLS; round += 1) {
      const answer = await poll.run({ id: ticket.id });
      const current = answer.data?.ticket;
      if (current) setDelivered(current);
      if (current?.delivery?.status !== "PENDING") break;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    onSubmitted();
  };
  const send = async () => {
    await autosave.flush();
    const answer = await submit.run({ id: ticket.id, idempotencyKey });
    if (answer.data?.submitTicket) await follow();
  };
  const addEvent = async () => {
    const answer = await timeline.run({ ticketId: ticket.id, entry: timelineEntry });
    if (answer.data) {
      setMissing(answer.data.addTimelineEvent.missing);
      setTimelineEntry({ at: "", event: "" });
    }
  };
  const props = { form, missing: missingFields, onChange };
  const shown = delivered ?? ticket;
  const lastRan: RanOperation | undefined = submit.ran ?? restore.ran ?? previewQuery.ran ?? autosave.ran;
  return (
    <>
      <div className="fd-composer">
        <fieldset disabled={!editable} className="fd-fields">
          <legend>What support needs</legend>
          <TextField label="Title" field="title" {...props} />
          <TextField label="Expected and actual behaviour" field="description" lines={6} {...props} />
          <label className="fd-field fd-stack">
            Priority
            <select
              value={form.priority}
              aria-invalid={missingFields.has("priority") || undefined}
              onChange={(event) => onChange("priority", event.target.value)}
            >
              <option value="">not chosen</option>
              {PRIORITIES.map((priority) => (
                <option key={priority} value={priority}>
                  {priority.toLowerCase()}
                </option>
              ))}
            </select>
          </label>
          <YesNo label="Does it block your work?" field="isBlocker" {...props} />
          {form.isBlocker === "true" && (
            <>
              <TextField label="How it blocks your work" field="blockerImpact" lines={2} {...props} />
              <TextField
                label="Deadline (ISO 8601, e.g. 2027-01-31T17:00:00+01:00)"
                field="deadline"
                {...props}
              />
            </>
          )}
          <YesNo label="Can support reproduce it easily?" field="reproducible" {...props} />
          {form.reproducible === "false" && (
            <fieldset className="fd-timeline">
              <legend className="fd-sr-only">Timeline</legend>
              <p className="fd-muted">
                Events so far: {ticket.timeline.length}. Add what happened when (ISO 8601 time with zone):
              </p>
              <input
                aria-label="Timeline time"
                placeholder="2026-12-01T09:30:00+01:00"
                value={timelineEntry.at}
                onChange={(event) => setTimelineEntry({ ...timelineEntry, at: event.target.value })}
              />
              <input
                aria-label="Timeline event"
                placeholder="What happened"
                value={timelineEntry.event}
                onChange={(event) => setTimelineEntry({ ...timelineEntry, event: event.target.value })}
              />
              <button type="button" onClick={addEvent} disabled={!timelineEntry.at || !timelineEntry.event}>
                Add event
              </button>
            </fieldset>
          )}
          <YesNo
            label="Checked the documentation without finding a solution?"
            field="docsChecked"
            {...props}
          />
          {form.docsChecked === "true" && (
            <TextField label="Pages consulted (one per line)" field="docsConsulted" lines={3} {...props} />
          )}
          <YesNo label="May support access the workspace?" field="supportAccessGranted" {...props} />
        </fieldset>
        <aside className="fd-side">
          <Checklist missing={missing} saving={autosave.saving} />
          <ErrorList errors={[...autosave.errors, ...timeline.errors]} />
          <div className="fd-actions">
            <button type="button" onClick={showPreview} disabled={previewQuery.busy}>
              Preview as support receives it
            </button>
            <button
              type="button"
              className="fd-primary"
              onClick={send}
              disabled={!editable || submit.busy || missing.length > 0}
            >
              Submit to support
            </button>
          </div>
          <p className="fd-muted">
            Idempotency key: <code>{idempotencyKey}</code> (sending twice files one ticket).
          </p>
          <ErrorList errors={[...submit.errors, ...previewQuery.errors, ...restore.errors]} />
          <DeliveryStatus ticket={shown} />
        </aside>
      </div>
      {preview && (
        <Section title="Preview">
          <PreviewPane preview={preview} onRestore={editable ? onRestore : undefined} />
        </Section>
      )}
      <QueryPanel ran={lastRan} label="The last ticket operation" />
    </>
  );
};

/** The ticket composer for one draft, and the list of the contract's tickets. */
export const TicketView = ({ params }: { params: Readonly<Record<string, string>> }) => {
  const id = params.id ?? "";
  const { answer, loading, ran } = useOperation<{ ticket: Ticket | null }>("ticket", { id }, !id);
  const [submissions, setSubmissions] = useState(0);
  const ticket = answer?.data?.ticket ?? null;
  return (
    <div className="fd-view">
      <h1>
        {ticket ? `Ticket ${ticket.key}: ${ticket.title ?? "untitled"}` : "Support tickets"}
        {ticket && <span className="fd-muted"> ({ticket.status.toLowerCase()})</span>}
      </h1>
      {!id && <p>Draft a ticket from a flow's diagnosis; your tickets are listed below.</p>}
      {loading && answer === undefined && <Loading what="the ticket" />}
      <ErrorList errors={answer?.errors} />
      {ticket && (
        <p>
          <CauseChip cause={ticket.cause} level={ticket.troubleshootingLevel} />{" "}
          {ticket.flowId && <a href={hashOf("diagnosis", { flow: ticket.flowId })}>Back to the diagnosis</a>}
        </p>
      )}
      {ticket && (
        <Composer
          key={`${ticket.id}:${ticket.status}`}
          ticket={ticket}
          onSubmitted={() => setSubmissions((count) => count + 1)}
        />
      )}
      <QueryPanel ran={ran} label="The ticket query" />
      <TicketList key={submissions} contractId={ticket?.contractId} />
    </div>
  );
};
