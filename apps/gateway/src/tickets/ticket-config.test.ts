import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../config/config.js";
import { readTicketConfig } from "./ticket-config.js";

const STANDARD_SECRET = `whsec_${randomBytes(32).toString("base64")}`;

describe("readTicketConfig", () => {
  it("defaults to the mail folder under the data folder, and support@elastic.io", () => {
    const problems: string[] = [];
    const config = readTicketConfig({ DATA_DIR: ".flowdoctor" }, problems, "/srv/app");
    expect(problems).toEqual([]);
    expect(config).toMatchObject({
      dataDir: "/srv/app/.flowdoctor",
      delivery: "mail-folder",
      mailFolder: "/srv/app/.flowdoctor/mail",
      supportEmail: "support@elastic.io",
      maxAttempts: 8,
      followUpMinutes: 60,
      runWorker: true,
    });
  });

  it("keeps the store in memory with DATA_DIR=memory:// (and by default under vitest)", () => {
    expect(readTicketConfig({ DATA_DIR: "memory://" }, [], "/srv/app").dataDir).toBe("memory://");
    expect(readTicketConfig({}, [], "/srv/app").dataDir).toBe("memory://");
  });

  it("names each broken variable and its rule, without echoing URLs", () => {
    const problems: string[] = [];
    readTicketConfig(
      {
        TICKET_DELIVERY: "fax",
        SUPPORT_EMAIL: "nobody",
        SMTP_URL: "http://u:pw@host",
        TICKET_MAX_ATTEMPTS: "0",
        DATABASE_POOL_SIZE: "1",
        TICKET_FOLLOW_UP_MINUTES: "0",
      },
      problems,
    );
    expect(problems).toHaveLength(6);
    expect(problems).toContain('DATABASE_POOL_SIZE must be an integer from 2 to 200 (got "1")');
    expect(problems.join("\n")).toMatch(/TICKET_FOLLOW_UP_MINUTES/);
    expect(problems.join("\n")).toMatch(/TICKET_DELIVERY must be one of mail-folder, smtp, webhook/);
    expect(problems.join("\n")).not.toContain("pw");
  });

  it("requires what the chosen channel needs", () => {
    const smtp: string[] = [];
    readTicketConfig({ TICKET_DELIVERY: "smtp" }, smtp);
    expect(smtp).toEqual([expect.stringContaining("SMTP_URL is required")]);
    const webhook: string[] = [];
    readTicketConfig(
      {
        TICKET_DELIVERY: "webhook",
        TICKET_WEBHOOK_URL: "https://desk.example/hook",
        TICKET_WEBHOOK_SECRET: "short",
      },
      webhook,
    );
    expect(webhook).toEqual([expect.stringContaining("TICKET_WEBHOOK_SECRET of at least 16")]);
  });

  it("refuses a whsec_ secret that is not base64 or too short, naming the variable", () => {
    const env = { TICKET_DELIVERY: "webhook", TICKET_WEBHOOK_URL: "https://helpdesk.example.com/hook" };
    expect(() => loadConfig({ ...env, TICKET_WEBHOOK_SECRET: "whsec_not*base64*at*all!" })).toThrow(
      /TICKET_WEBHOOK_SECRET must be whsec_ followed by base64/,
    );
    expect(() =>
      loadConfig({ ...env, TICKET_WEBHOOK_SECRET: `whsec_${randomBytes(8).toString("base64")}` }),
    ).toThrow(/TICKET_WEBHOOK_SECRET must hold a key of at least 16 bytes/);
    expect(loadConfig({ ...env, TICKET_WEBHOOK_SECRET: STANDARD_SECRET }).tickets.webhookSecret).toBe(
      STANDARD_SECRET,
    );
  });
});
