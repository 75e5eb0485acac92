import { randomBytes } from "node:crypto";
import { TEST_BACKENDS, type TestTicketDb } from "@flowdoctor/tickets/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestInboxDb } from "../testing/test-inbox-db.js";
import { tryLease } from "./leader-lease.js";
import { openCredentials, readSecretKey, sealCredentials } from "./sealed-credentials.js";

const CREDENTIALS = { email: "watcher@acme.example", apiKey: "1f2e3d4c-5b6a-4978-8a6b-5c4d3e2f1a0b" };

describe("sealed watch credentials", () => {
  const key = randomBytes(32);

  it("open only with the same key and for the same workspace, and never show the secret in errors", () => {
    const sealed = sealCredentials(key, CREDENTIALS, "ws-1");
    expect(sealed).not.toContain(CREDENTIALS.apiKey);
    expect(sealed).not.toContain("watcher");
    expect(openCredentials(key, sealed, "ws-1")).toEqual(CREDENTIALS);
    for (const attempt of [
      () => openCredentials(randomBytes(32), sealed, "ws-1"),
      () => openCredentials(key, sealed, "ws-2"),
    ]) {
      expect(attempt).toThrow(/cannot be opened with this INBOX_SECRET_KEY/);
      try {
        attempt();
      } catch (error) {
        expect(String(error)).not.toContain(CREDENTIALS.apiKey);
      }
    }
  });

  it("refuses a key that is not 32 bytes of base64, naming the variable but not the value", () => {
    expect(() => readSecretKey("c2hvcnQ=")).toThrow(/^INBOX_SECRET_KEY must be 32 random bytes in base64/);
    expect(() => readSecretKey(undefined)).toThrow(/INBOX_SECRET_KEY/);
    expect(() => readSecretKey("c2hvcnQ=")).not.toThrow(/c2hvcnQ/);
    expect(readSecretKey(key.toString("base64"))).toEqual(key);
  });
});

describe.each(TEST_BACKENDS)("the watcher's lease (%s)", (backend) => {
  let store: TestTicketDb;
  beforeAll(async () => {
    store = await openTestInboxDb(backend);
  });
  afterAll(async () => store?.drop());

  it("has one holder at a time, renewed by it, taken over once it runs out", async () => {
    expect(await tryLease(store.db, "test", "a", 300)).toBe(true);
    expect(await tryLease(store.db, "test", "b", 300)).toBe(false);
    expect(await tryLease(store.db, "test", "a", 300)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await tryLease(store.db, "test", "b", 300)).toBe(true);
    expect(await tryLease(store.db, "test", "a", 300)).toBe(false);
  });

  it("runs out at its end even within one transaction, where now() stands still", async () => {
    const taken = await store.db.transaction(async (tx) => {
      const db = tx as unknown as TestTicketDb["db"];
      return [await tryLease(db, "instant", "a", 0), await tryLease(db, "instant", "b", 0)];
    });
    expect(taken).toEqual([true, true]);
  });
});
