import type {
  Component,
  Contract,
  CredentialRef,
  Flow,
  FlowQueueStats,
  User,
  Workspace,
} from "@flowdoctor/core";
import { isPlatformError, type PlatformClient } from "@flowdoctor/platform-client";
import DataLoader from "dataloader";
import type { ComponentCache } from "./component-cache.js";

/** Per-request loaders: each id is fetched once per request, so upstream calls follow distinct ids, not items. */
export interface Loaders {
  readonly user: DataLoader<string, User>;
  readonly contract: DataLoader<string, Contract>;
  readonly workspace: DataLoader<string, Workspace>;
  readonly flow: DataLoader<string, Flow>;
  readonly component: DataLoader<string, Component>;
  /** The components a workspace may use, by id: one listing instead of one call per component. */
  readonly workspaceComponents: DataLoader<string, ReadonlyMap<string, Component>>;
  readonly credential: DataLoader<string, CredentialRef>;
  readonly queueStats: DataLoader<string, FlowQueueStats>;
  /** All flows of a workspace by id: one listing (100 flows a call) instead of one call per flow. */
  readonly workspaceFlows: DataLoader<string, ReadonlyMap<string, Flow>>;
  /** Whether the platform lets the caller read a workspace's logs: one read of a single entry per workspace. */
  readonly logsReadable: DataLoader<string, boolean>;
}

// The API has no batch endpoints: one call per distinct id, run together, failures kept per id.
const loaderOf = <TValue>(fetchOne: (id: string) => Promise<TValue>): DataLoader<string, TValue> =>
  new DataLoader<string, TValue>(
    async (ids) => Promise.all(ids.map((id) => fetchOne(id).catch((error: unknown) => toError(error)))),
    { maxBatchSize: 50 },
  );

const toError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

const REFUSALS = new Set(["PLATFORM_FORBIDDEN", "PLATFORM_NOT_FOUND"]);

// The platform has no "may I" endpoint for one user's workspace permissions: reading one entry is the question.
const readsLogs = (client: PlatformClient) => async (workspaceId: string) => {
  try {
    await client.listLogs({ workspaceId, limit: 1 });
    return true;
  } catch (error) {
    if (isPlatformError(error) && REFUSALS.has(error.code)) return false;
    throw error;
  }
};

/** What the loaders of one request share with other requests of the same caller. */
export interface SharedLoaderState {
  readonly componentCache: ComponentCache;
  /** Names the caller's credentials (see `credentialsKey`); every shared key starts with it. */
  readonly callerKey: string;
}

const componentLoaders = (client: PlatformClient, shared: SharedLoaderState) => {
  const { componentCache, callerKey } = shared;
  const component = loaderOf((id) =>
    componentCache.byId.resolve(`${callerKey}:${id}`, () => client.getComponent(id)),
  );
  // Every component a workspace may use is one the caller can read by id, so the listing also primes `component`.
  const listUsable = async (workspaceId: string): Promise<ReadonlyMap<string, Component>> => {
    const components = await client.listWorkspaceComponents(workspaceId);
    return new Map(components.map((item) => [item.id, item]));
  };
  const workspaceComponents = loaderOf(async (workspaceId) => {
    const usable = await componentCache.byWorkspace.resolve(`${callerKey}:${workspaceId}`, () =>
      listUsable(workspaceId),
    );
    for (const [id, item] of usable) component.prime(id, item);
    return usable;
  });
  return { component, workspaceComponents };
};

/** Creates the loaders of one request over the caller's client. */
export const createLoaders = (client: PlatformClient, shared: SharedLoaderState): Loaders => {
  const flow = loaderOf((id) => client.getFlow(id));
  const listWorkspaceFlows = async (workspaceId: string): Promise<ReadonlyMap<string, Flow>> => {
    const flows = new Map<string, Flow>();
    for await (const item of client.iterateFlows({ workspaceId })) {
      flows.set(item.id, item);
      flow.prime(item.id, item);
    }
    return flows;
  };
  return {
    user: loaderOf((id) => client.getUser(id)),
    contract: loaderOf((id) => client.getContract(id)),
    workspace: loaderOf((id) => client.getWorkspace(id)),
    flow,
    ...componentLoaders(client, shared),
    credential: loaderOf((id) => client.getCredential(id)),
    queueStats: loaderOf((id) => client.getQueueStats(id)),
    workspaceFlows: loaderOf(listWorkspaceFlows),
    logsReadable: loaderOf(readsLogs(client)),
  };
};
