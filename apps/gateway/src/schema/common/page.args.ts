import { ArgsType, Field, Int } from "type-graphql";
import type { GatewayLimits } from "../../config/config.js";
import { GatewayGraphQLError } from "../../errors.js";
import { decodeCursorPoint, MAX_CURSOR_POSITION } from "./cursor.js";

/** The default `first` of every list. */
export const DEFAULT_FIRST = 20;

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    defaultValue: DEFAULT_FIRST,
    description: "How many items to return (1 to the gateway's maxPageSize).",
  })
  first!: number;

  @Field(() => String, {
    nullable: true,
    description: "Return items after this cursor (an `endCursor` or edge cursor).",
  })
  after?: string | null;
}

/** A validated page request: where it starts and how many items it wants. */
export interface PageWindow {
  readonly offset: number;
  readonly first: number;
  /** The moment an anchored walk's first page was read, from its cursor. */
  readonly anchor?: Date;
}

/** `first` if it is from 1 to `MAX_PAGE_SIZE`; else `BAD_USER_INPUT` naming the argument and the rule. */
export const checkFirst = (first: number, limits: Pick<GatewayLimits, "maxPageSize">): number => {
  if (Number.isInteger(first) && first >= 1 && first <= limits.maxPageSize) return first;
  throw new GatewayGraphQLError(
    "BAD_USER_INPUT",
    `first must be an integer from 1 to ${limits.maxPageSize} (got ${first})`,
    { details: { argument: "first", max: limits.maxPageSize } },
  );
};

/**
 * Checks `first` against the limit and decodes `after` (at most `maxPosition`); `BAD_USER_INPUT` names the argument
 * and the rule.
 */
export const readPageArgs = (
  args: PageArgs,
  limits: Pick<GatewayLimits, "maxPageSize">,
  maxPosition = MAX_CURSOR_POSITION,
): PageWindow => {
  const first = checkFirst(args.first ?? DEFAULT_FIRST, limits);
  if (!args.after) return { offset: 0, first };
  const { position, anchor } = decodeCursorPoint(args.after, maxPosition);
  return { offset: position + 1, first, ...(anchor === undefined ? {} : { anchor }) };
};
