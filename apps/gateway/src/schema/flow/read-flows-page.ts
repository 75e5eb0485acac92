import type { Flow } from "@flowdoctor/core";
import type { GatewayContext } from "../../context.js";
import type { ConnectionData } from "../common/connection.type.js";
import { type PageArgs, readPageArgs } from "../common/page.args.js";
import { readWindow } from "../common/page-window.js";
import type { FlowFilter } from "./flow-filter.input.js";

const filterOf = (filter: FlowFilter | null | undefined) => ({
  ...(filter?.status ? { status: filter.status } : {}),
  ...(filter?.type ? { type: filter.type } : {}),
  ...(filter?.search ? { search: filter.search } : {}),
});

/** One page of a workspace's flows, filtered by the platform (`Query.flows` and `Workspace.flows`). */
export const readFlowsPage = async (
  context: GatewayContext,
  workspaceId: string,
  filter: FlowFilter | null | undefined,
  args: PageArgs,
): Promise<ConnectionData<Flow>> => {
  const window = readPageArgs(args, context.limits);
  const { client } = await context.session();
  return readWindow((page) => client.listFlows({ ...page, workspaceId, ...filterOf(filter) }), window);
};
