import { createEmulator, type Emulator } from "@flowdoctor/platform-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { basic } from "../../testing/emulator-gateway.js";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database.js";
import { dataOf, startTestGateway, type TestGateway } from "../../testing/test-gateway.js";

const DATABASE_URL = process.env.TEST_DATABASE_URL;

const FROM_GROUP = `mutation($flowId: ID!, $group: ID) { createTicketFromDiagnosis(flowId: $flowId, errorGroupId: $group) {
  outcome ticket { id fingerprints occurrences } } }`;

interface FromGroup {
  outcome: string;
  ticket: { id: string; fingerprints: string[]; occurrences: number };
}

describe.skipIf(!DATABASE_URL)(
  "two gateways on one PostgreSQL drafting from the same problem at once",
  () => {
    let emulator: Emulator;
    let database: TestDatabase;
    const gateways: TestGateway[] = [];
    let authorization: string;

    beforeAll(async () => {
      emulator = await createEmulator();
      database = await createTestDatabase(DATABASE_URL as string, "fd_tickets");
      const alice = emulator.users.find((user) =>
        user.email.startsWith("alice@"),
      ) as Emulator["users"][number];
      authorization = basic(alice.email, alice.apiKey);
      const env = { PLATFORM_API_URL: emulator.url, DATABASE_URL: database.url, TICKET_WORKER: "off" };
      gateways.push(await startTestGateway(env));
      gateways.push(await startTestGateway(env));
    }, 60_000);
    afterAll(async () => {
      for (const gateway of gateways) await gateway.close();
      await database?.drop();
      await emulator?.close();
    });

    it("gives one ticket that counts every report, whichever gateway each reached", async () => {
      const alice = emulator.scenario.users.find((user) => user.email.startsWith("alice@"));
      const flowId = emulator.scenario.flows.find(
        (flow) => flow.userId === alice?.id && flow.expected.length > 0,
      )?.id as string;
      const ask = async (gateway: TestGateway, query: string, variables: Record<string, unknown>) =>
        (await gateway.query(query, { variables, headers: { authorization } })).body;
      const diagnosed = await ask(
        gateways[0] as TestGateway,
        "query($id: ID!) { diagnoseFlow(flowId: $id) { errorGroups { fingerprint } } }",
        { id: flowId },
      );
      const group = dataOf<{ errorGroups: { fingerprint: string }[] }>(diagnosed, "diagnoseFlow")
        .errorGroups[0]?.fingerprint as string;

      const answers = await Promise.all(
        Array.from({ length: 8 }, (_, index) =>
          ask(gateways[index % 2] as TestGateway, FROM_GROUP, { flowId, group }).then((body) =>
            dataOf<FromGroup>(body, "createTicketFromDiagnosis"),
          ),
        ),
      );
      expect(new Set(answers.map((answer) => answer.ticket.id)).size).toBe(1);
      expect(answers.map((answer) => answer.outcome).sort()).toEqual([
        "ADDED_TO_OPEN",
        "ADDED_TO_OPEN",
        "ADDED_TO_OPEN",
        "ADDED_TO_OPEN",
        "ADDED_TO_OPEN",
        "ADDED_TO_OPEN",
        "ADDED_TO_OPEN",
        "CREATED",
      ]);
      const ticketId = answers[0]?.ticket.id;
      for (const gateway of gateways) {
        const read = await ask(gateway, "query($id: ID!) { ticket(id: $id) { fingerprints occurrences } }", {
          id: ticketId,
        });
        expect(dataOf(read, "ticket")).toEqual({ fingerprints: [group], occurrences: 8 });
      }
      const listed = await ask(gateways[1] as TestGateway, "{ tickets(first: 50) { nodes { id } } }", {});
      expect(dataOf<{ nodes: { id: string }[] }>(listed, "tickets").nodes.map((node) => node.id)).toEqual([
        ticketId,
      ]);
    });
  },
);
