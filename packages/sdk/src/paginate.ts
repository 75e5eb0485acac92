import { FlowdoctorError } from "./errors.js";
import type { FlowdoctorResult } from "./graphql/read-response.js";

/** The part of a Relay connection the walkers read. */
export interface Connection<TNode> {
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  readonly nodes: readonly TNode[];
}

/** Reads one page, starting after the cursor (the first page when undefined). */
export type PageReader<TNode> = (after: string | undefined) => Promise<FlowdoctorResult<Connection<TNode>>>;

/**
 * Yields every node of a connection, page by page, following `endCursor` while `hasNextPage`.
 * A page that came with errors yields the nodes it has, then throws its first error: nothing is skipped
 * silently.
 */
export async function* walkPages<TNode>(readPage: PageReader<TNode>): AsyncGenerator<TNode, void, undefined> {
  let after: string | undefined;
  for (;;) {
    const { data, errors } = await readPage(after);
    yield* data.nodes;
    if (errors[0] !== undefined) throw errors[0];
    if (!data.pageInfo.hasNextPage) return;
    const next = data.pageInfo.endCursor;
    if (next === null || next === after) {
      throw new FlowdoctorError("INVALID_RESPONSE", "the gateway said hasNextPage but gave no new endCursor");
    }
    after = next;
  }
}
