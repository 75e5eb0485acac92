import { Field, ObjectType } from "type-graphql";

@ObjectType({ description: "Where a page sits in its list (Relay cursor connections)." })
export class PageInfo {
  @Field(() => Boolean, { description: "True when more items follow; read them with `after: endCursor`." })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: "True when items come before this page." })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "The cursor of the page's first item." })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The cursor of the page's last item: pass it as `after`.",
  })
  endCursor!: string | null;

  /** Counts what arrived after an anchored walk's first page (see `newerCount`); absent for other lists. */
  countNewer?: () => Promise<number>;
}
