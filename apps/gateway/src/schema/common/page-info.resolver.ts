import { FieldResolver, Int, Resolver, Root } from "type-graphql";
import { PageInfo } from "./page-info.type.js";

@Resolver(() => PageInfo)
export class PageInfoResolver {
  @FieldResolver(() => Int, {
    nullable: true,
    description:
      "How many items arrived since the walk's first page (lists anchored to that moment, such as `errors`); null for other lists. Costs one more read of the platform when asked.",
  })
  async newerCount(@Root() info: PageInfo): Promise<number | null> {
    return info.countNewer === undefined ? null : info.countNewer();
  }
}
