import DataLoader from "dataloader";
import { Arg, Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from "type-graphql";
import type { GatewayContext } from "../../context.js";
import { GatewayGraphQLError } from "../../errors.js";
import { DateTimeScalar } from "../common/scalars.js";
import type { ErrorGroupData } from "../error/error-group.type.js";
import { ErrorGroupType } from "../error/error-group.type.js";
import { inboxOf } from "./group-statuses.js";

const HOUR_MS = 3_600_000;
/** 90 days: the inbox keeps hourly counts that long (`retentionDays`). */
export const MAX_TREND_HOURS = 2160;
const DEFAULT_TREND_HOURS = 168;

@ObjectType("ErrorGroupHourlyCount", { description: "How often a group occurred within one hour (UTC)." })
export class ErrorGroupHourlyCountType {
  @Field(() => DateTimeScalar, { description: "The hour's start." })
  hour!: Date;

  @Field(() => Int, { description: "Occurrences the watcher counted in that hour." })
  count!: number;
}

type TrendLoader = DataLoader<string, ErrorGroupHourlyCountType[]>;

// One loader per request, workspace and window: every group of a page is read in one query.
const loaders = new WeakMap<GatewayContext, Map<string, TrendLoader>>();

const trendLoader = (context: GatewayContext, workspaceId: string, hours: number): TrendLoader => {
  const byWindow = loaders.get(context) ?? new Map<string, TrendLoader>();
  loaders.set(context, byWindow);
  const key = `${workspaceId}\u0000${hours}`;
  const existing = byWindow.get(key);
  if (existing !== undefined) return existing;
  const since = new Date((Math.floor(Date.now() / HOUR_MS) - (hours - 1)) * HOUR_MS);
  const loader: TrendLoader = new DataLoader(async (fingerprints) => {
    const trends = await inboxOf(context).readHourlyTrends(workspaceId, fingerprints, since);
    return fingerprints.map((fingerprint) => trends.get(fingerprint) ?? []);
  });
  byWindow.set(key, loader);
  return loader;
};

@Resolver(() => ErrorGroupType)
export class ErrorGroupTrendResolver {
  @FieldResolver(() => [ErrorGroupHourlyCountType], {
    description: `The group's hourly counts as the inbox's watcher stored them, oldest first, over the last \`hours\` hours (this one included); hours without occurrences are absent. Reaches back beyond the platform's 14 days of logs, up to ${MAX_TREND_HOURS} hours (90 days, the inbox's retention). Empty for a group the inbox does not store (an unwatched workspace). All groups of a page are read in one query.`,
  })
  async trend(
    @Root() group: ErrorGroupData,
    @Arg("hours", () => Int, {
      defaultValue: DEFAULT_TREND_HOURS,
      description: `How many hours back, 1 to ${MAX_TREND_HOURS}.`,
    })
    hours: number,
    @Ctx() context: GatewayContext,
  ): Promise<ErrorGroupHourlyCountType[]> {
    if (!Number.isInteger(hours) || hours < 1 || hours > MAX_TREND_HOURS)
      throw new GatewayGraphQLError(
        "BAD_USER_INPUT",
        `hours must be from 1 to ${MAX_TREND_HOURS} (got ${hours})`,
        {
          details: { field: "hours" },
        },
      );
    const stored = group.status.stored;
    if (stored === undefined) return [];
    return trendLoader(context, stored.workspaceId, hours).load(stored.fingerprint);
  }
}
