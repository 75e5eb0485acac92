import type { TicketDb } from "../db/open-ticket-db.js";
import { createTicketService, type TicketService } from "../ticket-service.js";
import type { TicketView } from "../ticket-view.js";
import { ALICE, completeFields, TINY_PNG } from "./ticket-fixtures.js";

/** The support address and sender the tests use. */
export const TEST_MESSAGE = { to: "support@example.test", from: "flowdoctor@example.test" } as const;

/** A ticket service over a test database, delivering by `channel`. */
export const testService = (db: TicketDb, channel = "mail-folder", maxAttempts = 5): TicketService =>
  createTicketService({ db, channel, maxAttempts, message: TEST_MESSAGE, now: () => new Date() });

/** Creates a complete ticket for alice with a log file and a screenshot, and submits it. */
export const submitCompleteTicket = async (service: TicketService, key: string): Promise<TicketView> => {
  const now = new Date();
  const draft = await service.create(ALICE, {
    fields: completeFields(now),
    logs: "2026-11-24T10:00:00Z ERROR step_2 401 Unauthorized api_key=abc123secret\n",
    logName: "step_2.log",
  });
  await service.addAttachment(ALICE, draft.id, {
    kind: "SCREENSHOT",
    name: "errors.png",
    base64: TINY_PNG.toString("base64"),
  });
  return service.submit(ALICE, draft.id, key);
};
