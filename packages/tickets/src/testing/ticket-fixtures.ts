import { PlatformError } from "@flowdoctor/platform-client";
import type { TicketAccess } from "../ticket-access.js";
import type { TicketFieldsPatch } from "../ticket-fields.js";

/** Contract ids of the fixtures: Acme (alice, gina, a guest and an outsider are members) and Globex (bob). */
export const ACME = "64a000000000000000000001";
export const GLOBEX = "64b000000000000000000002";
export const ACME_WORKSPACE = "64a0000000000000000000a1";
export const ACME_FLOW = "64a0000000000000000000f1";

/** The Acme workspace's flow, and a credential and a component of it. */
const ACME_FLOWS: ReadonlyMap<string, string> = new Map([[ACME_FLOW, ACME_WORKSPACE]]);
export const ACME_CREDENTIAL = "64a0000000000000000000c1";
export const ACME_COMPONENT = "64a0000000000000000000d1";

const notFound = (what: string, id: string) =>
  new PlatformError("PLATFORM_NOT_FOUND", `GET /v2/${what}/${id} failed with 404`, {
    method: "GET",
    path: `/v2/${what}/${id}`,
    status: 404,
  });

/** What a fixture caller may do in Acme's workspace beyond its contracts. */
export interface FixtureAccessOptions {
  /** A member of the Acme workspace. @default true when a member of Acme */
  readonly inWorkspace?: boolean;
  /** May read the Acme workspace's logs. @default the same as `inWorkspace` */
  readonly readsLogs?: boolean;
}

/**
 * A caller with fixed contracts; members of Acme see its workspace, its flow, credential and component, and read its
 * logs, as the platform would show them (unless `options` say otherwise). Nothing else exists.
 */
export const accessFor = (
  userId: string,
  contracts: readonly string[],
  options: FixtureAccessOptions = {},
): TicketAccess => {
  const inAcme = contracts.includes(ACME) && (options.inWorkspace ?? true);
  const readsLogs = inAcme && (options.readsLogs ?? true);
  const workspaces = new Map(inAcme ? [[ACME_WORKSPACE, { contractId: ACME }]] : []);
  const known = (what: string, id: string, ids: readonly string[]) =>
    inAcme && ids.includes(id) ? Promise.resolve({ id }) : Promise.reject(notFound(what, id));
  return {
    userId,
    contractIds: async () => new Set(contracts),
    workspaces: async () => workspaces,
    canReadLogs: async (workspaceId) => readsLogs && workspaceId === ACME_WORKSPACE,
    lookup: {
      flow: async (id) => {
        const workspaceId = inAcme ? ACME_FLOWS.get(id) : undefined;
        if (workspaceId === undefined) throw notFound("flows", id);
        return { workspaceId };
      },
      credential: (id) => known("credentials", id, [ACME_CREDENTIAL]),
      component: (id) => known("components", id, [ACME_COMPONENT]),
    },
  };
};

export const ALICE = accessFor("user-alice", [ACME]);
export const GINA = accessFor("user-gina", [ACME]);
export const BOB = accessFor("user-bob", [GLOBEX]);
/** A guest of the Acme workspace: sees it, may not read its logs. */
export const GUEST = accessFor("user-guest", [ACME], { readsLogs: false });
/** A member of the Acme contract outside its workspace. */
export const OUTSIDER = accessFor("user-outsider", [ACME], { inWorkspace: false });

/** A time `hours` before `now`, as ISO-8601 in UTC. */
export const hoursAgo = (now: Date, hours: number): string =>
  new Date(now.getTime() - hours * 3_600_000).toISOString();

/** Fields of a ticket that passes core's submission rules. */
export const completeFields = (now: Date): TicketFieldsPatch => ({
  title: "Orders flow fails at the CRM step",
  description:
    "Since yesterday the orders flow fails in step_2 (CRM upsert) with HTTP 401 although the credential was verified. Expected: orders reach the CRM.",
  contractId: ACME,
  workspaceId: ACME_WORKSPACE,
  flowId: ACME_FLOW,
  errorText:
    "Error: Request failed with status code 401 (Authorization: Bearer sk_live_abcdefghijklmnopqrstuvwx)",
  firstObservedAt: hoursAgo(now, 20),
  docsChecked: true,
  docsConsulted: ["Managing Flow Errors"],
  priority: "HIGH",
  isBlocker: false,
  reproducible: true,
});

/** A 1×1 PNG image. */
export const TINY_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);
/** The first bytes of a JPEG file, enough for the signature check. */
export const TINY_JPEG = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9,
]);
