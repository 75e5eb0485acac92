/**
 * Ticket priorities. The platform's support documents define no priority scale or response times
 * (`docs/elasticio-platform.md` §5.2), so this scale is Flowdoctor's own: each level says how soon the reporter
 * needs a solution, counted in support's working hours (9 AM–6 PM CET on German working days).
 */
export const TICKET_PRIORITIES = ["URGENT", "HIGH", "NORMAL", "LOW"] as const;
/** How soon the reporter needs a solution; see {@link TICKET_PRIORITY_INFO}. */
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

/** What one priority means. */
export interface TicketPriorityInfo {
  readonly priority: TicketPriority;
  /** A short label for people. */
  readonly label: string;
  /** When to choose it. */
  readonly meaning: string;
  /** How soon a solution or workaround is needed. */
  readonly howSoon: string;
}

/** The meaning of each priority, in the words the renderer uses. */
export const TICKET_PRIORITY_INFO: { readonly [P in TicketPriority]: TicketPriorityInfo } = {
  URGENT: {
    priority: "URGENT",
    label: "Urgent",
    meaning: "Production is down, the contract is suspended, or messages may be lost.",
    howSoon: "within hours, the same working day",
  },
  HIGH: {
    priority: "HIGH",
    label: "High",
    meaning: "Production flows are impaired and there is no reasonable workaround, or the issue blocks work.",
    howSoon: "within one working day",
  },
  NORMAL: {
    priority: "NORMAL",
    label: "Normal",
    meaning: "Something does not work as it should, but there is a workaround or no production impact.",
    howSoon: "within a few working days",
  },
  LOW: {
    priority: "LOW",
    label: "Low",
    meaning: "A question, a cosmetic issue, or a problem in a development workspace.",
    howSoon: "when convenient, within two weeks",
  },
};

/** Whether a value is one of the ticket priorities. */
export const isTicketPriority = (value: unknown): value is TicketPriority =>
  typeof value === "string" && (TICKET_PRIORITIES as readonly string[]).includes(value);
