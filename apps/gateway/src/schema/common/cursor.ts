import { GatewayGraphQLError } from "../../errors.js";

const PREFIX = "fd:o:";

/** The opaque cursor of the item at a position of a list. */
export const encodeCursor = (position: number): string =>
  Buffer.from(`${PREFIX}${position}`).toString("base64url");

/** The position a cursor stands for; `BAD_USER_INPUT` for anything this API did not hand out. */
export const decodeCursor = (cursor: string): number => {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  const position = Number(text.slice(PREFIX.length));
  if (!text.startsWith(PREFIX) || !Number.isInteger(position) || position < 0) {
    throw new GatewayGraphQLError(
      "BAD_USER_INPUT",
      "after must be a cursor this API returned (edges.cursor or pageInfo.endCursor)",
      {
        details: { argument: "after" },
      },
    );
  }
  return position;
};
