import { PLATFORM_LIMITS } from "@flowdoctor/core";
import { GatewayGraphQLError } from "../../errors.js";

const PREFIX = "fd:o:";
// Digits only: `Number` would also take 1e308, 0x10, " 7" or 2^53+1 (which it rounds).
const POSITION = /^fd:o:(0|[1-9]\d{0,15})$/;

/** The largest position of any list the gateway pages through; a cursor past it was not handed out. */
export const MAX_CURSOR_POSITION = 10_000_000;

/** The last position of a platform log list: the platform counts and pages at most 10,000 entries. */
export const LAST_LOG_POSITION = PLATFORM_LIMITS.logsTotalCap - 1;

/** The opaque cursor of the item at a position of a list. */
export const encodeCursor = (position: number): string =>
  Buffer.from(`${PREFIX}${position}`).toString("base64url");

/**
 * The position a cursor stands for; `BAD_USER_INPUT` for anything this API did not hand out: not base64url of
 * `fd:o:` and a whole number, or a position past `maxPosition` (lists of the platform's logs end at 10,000).
 */
export const decodeCursor = (cursor: string, maxPosition = MAX_CURSOR_POSITION): number => {
  const match = POSITION.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  const position = match ? Number(match[1]) : Number.NaN;
  if (!(position <= maxPosition)) {
    throw new GatewayGraphQLError(
      "BAD_USER_INPUT",
      "after must be a cursor this API returned (edges.cursor or pageInfo.endCursor)",
      { details: { argument: "after" } },
    );
  }
  return position;
};
