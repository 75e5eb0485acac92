import { PLATFORM_LIMITS } from "@flowdoctor/core";
import { GatewayGraphQLError } from "../../errors.js";

const PREFIX = "fd:o:";
// Digits only: `Number` would also take 1e308, 0x10, " 7" or 2^53+1 (which it rounds). An anchored walk's cursor
// also carries the moment of its first page, in epoch ms.
const POSITION = /^fd:o:(0|[1-9]\d{0,15})(?::(0|[1-9]\d{0,14}))?$/;

/** The largest position of any list the gateway pages through; a cursor past it was not handed out. */
export const MAX_CURSOR_POSITION = 10_000_000;

/** The last position of a platform log list: the platform counts and pages at most 10,000 entries. */
export const LAST_LOG_POSITION = PLATFORM_LIMITS.logsTotalCap - 1;

/** The opaque cursor of the item at a position of a list; `anchor` pins a walk to the moment of its first page. */
export const encodeCursor = (position: number, anchor?: Date): string =>
  Buffer.from(`${PREFIX}${position}${anchor === undefined ? "" : `:${anchor.getTime()}`}`).toString(
    "base64url",
  );

/** A decoded cursor: the position, and the moment the walk is anchored to when it is. */
export interface CursorPoint {
  readonly position: number;
  readonly anchor?: Date;
}

/**
 * The position a cursor stands for; `BAD_USER_INPUT` for anything this API did not hand out: not base64url of
 * `fd:o:` and a whole number, or a position past `maxPosition` (lists of the platform's logs end at 10,000).
 */
export const decodeCursor = (cursor: string, maxPosition = MAX_CURSOR_POSITION): number =>
  decodeCursorPoint(cursor, maxPosition).position;

/** The position and anchor a cursor stands for; `BAD_USER_INPUT` as {@link decodeCursor}. */
export const decodeCursorPoint = (cursor: string, maxPosition = MAX_CURSOR_POSITION): CursorPoint => {
  const match = POSITION.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  const position = match ? Number(match[1]) : Number.NaN;
  if (!(position <= maxPosition)) {
    throw new GatewayGraphQLError(
      "BAD_USER_INPUT",
      "after must be a cursor this API returned (edges.cursor or pageInfo.endCursor)",
      { details: { argument: "after" } },
    );
  }
  return match?.[2] === undefined ? { position } : { position, anchor: new Date(Number(match[2])) };
};
