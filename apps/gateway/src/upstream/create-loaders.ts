import type {
  Component,
  Contract,
  CredentialRef,
  Flow,
  FlowQueueStats,
  User,
  Workspace,
} from "@flowdoctor/core";
import type { PlatformClient } from "@flowdoctor/platform-client";
import DataLoader from "dataloader";

/** Per-request loaders: each id is fetched once per request, so upstream calls follow distinct ids, not items. */
export interface Loaders {
  readonly user: DataLoader<string, User>;
  readonly contract: DataLoader<string, Contract>;
  readonly workspace: DataLoader<string, Workspace>;
  readonly flow: DataLoader<string, Flow>;
  readonly component: DataLoader<string, Component>;
  readonly credential: DataLoader<string, CredentialRef>;
  readonly queueStats: DataLoader<string, FlowQueueStats>;
}

// The API has no batch endpoints: one call per distinct id, run together, failures kept per id.
const loaderOf = <TValue>(fetchOne: (id: string) => Promise<TValue>): DataLoader<string, TValue> =>
  new DataLoader<string, TValue>(
    async (ids) => Promise.all(ids.map((id) => fetchOne(id).catch((error: unknown) => toError(error)))),
    { maxBatchSize: 50 },
  );

const toError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

/** Creates the loaders of one request over the caller's client. */
export const createLoaders = (client: PlatformClient): Loaders => ({
  user: loaderOf((id) => client.getUser(id)),
  contract: loaderOf((id) => client.getContract(id)),
  workspace: loaderOf((id) => client.getWorkspace(id)),
  flow: loaderOf((id) => client.getFlow(id)),
  component: loaderOf((id) => client.getComponent(id)),
  credential: loaderOf((id) => client.getCredential(id)),
  queueStats: loaderOf((id) => client.getQueueStats(id)),
});
