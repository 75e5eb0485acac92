import type { ClassType } from "type-graphql";
import { Field, Int, ObjectType } from "type-graphql";
import { PageInfo } from "./page-info.type.js";

/** The shape every `…Connection` resolves to. */
export interface ConnectionData<TNode> {
  readonly edges: readonly { readonly cursor: string; readonly node: TNode }[];
  readonly nodes: readonly TNode[];
  readonly pageInfo: PageInfo;
  readonly totalCount: number;
}

/** Declares `<Name>Edge` and `<Name>Connection` object types for a node type. */
export const connectionOf = <TNode extends object>(name: string, node: ClassType<TNode>) => {
  @ObjectType(`${name}Edge`, { description: `One ${name} item of a page, with its cursor.` })
  class Edge {
    @Field(() => String, { description: "Pass as `after` to read on from this item." })
    cursor!: string;

    @Field(() => node, { description: `The ${name} item.` })
    node!: TNode;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items.` })
  class Connection {
    @Field(() => [Edge], { description: "The page's items with their cursors." })
    edges!: Edge[];

    @Field(() => [node], { description: "The page's items without cursors." })
    nodes!: TNode[];

    @Field(() => PageInfo, {
      description: "Where the page sits: pass `endCursor` as `after` for the next one.",
    })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: "How many items the whole list has (as the platform counts them)." })
    totalCount!: number;
  }
  return Connection;
};
