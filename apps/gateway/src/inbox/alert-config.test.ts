import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../config/config.js";
import { readTicketConfig } from "../tickets/ticket-config.js";
import { readAlertConfig } from "./alert-config.js";

const SLACK = "https://hooks.slack.com/services/T0/B0/verysecretpath";

describe("readAlertConfig", () => {
  it("has one mail-folder channel in the embedded set-up and no links without GATEWAY_PUBLIC_URL", () => {
    const problems: string[] = [];
    const tickets = readTicketConfig({ DATA_DIR: "/srv/fd" }, problems);
    expect(readAlertConfig({}, problems, tickets)).toEqual({
      channels: [
        {
          name: "mail-folder",
          kind: "MAIL_FOLDER",
          folder: "/srv/fd/mail/alerts",
          from: "flowdoctor@localhost",
          to: ["flowdoctor@localhost"],
        },
      ],
    });
    expect(problems).toEqual([]);
  });

  it("reads ALERT_CHANNELS or a file of them, and the public URL", async () => {
    const problems: string[] = [];
    const tickets = readTicketConfig({}, problems);
    const env = {
      ALERT_CHANNELS: JSON.stringify([{ name: "ops", kind: "SLACK", url: SLACK }]),
      GATEWAY_PUBLIC_URL: "https://flowdoctor.example.com/",
    };
    expect(readAlertConfig(env, problems, tickets)).toEqual({
      channels: [{ name: "ops", kind: "SLACK", url: SLACK }],
      publicUrl: "https://flowdoctor.example.com",
    });
    const folder = await mkdtemp(join(tmpdir(), "fd-alerts-"));
    try {
      const file = join(folder, "channels.json");
      await writeFile(file, JSON.stringify([{ name: "ops", kind: "TEAMS", url: SLACK }]));
      expect(readAlertConfig({ ALERT_CHANNELS_FILE: file }, problems, tickets).channels).toEqual([
        { name: "ops", kind: "TEAMS", url: SLACK },
      ]);
    } finally {
      await rm(folder, { recursive: true });
    }
    expect(problems).toEqual([]);
  });

  it("stops the start naming the field at fault, never echoing a URL or secret", () => {
    const start = () =>
      loadConfig({
        ALERT_CHANNELS: JSON.stringify([
          { name: "ops", kind: "SLACK", url: SLACK.replace("https", "gopher") },
          {
            name: "hook",
            kind: "WEBHOOK",
            url: "https://hooks.example.com/x",
            secret: "not-a-standard-secret",
          },
        ]),
        GATEWAY_PUBLIC_URL: "flowdoctor.example.com",
      });
    expect(start).toThrow(/ALERT_CHANNELS\[0\]\.url must be a URL starting with https:\/\/ or http:\/\//);
    expect(start).toThrow(/ALERT_CHANNELS\[1\]\.secret must be whsec_/);
    expect(start).toThrow(/GATEWAY_PUBLIC_URL must be a URL/);
    try {
      start();
    } catch (error) {
      expect(String(error)).not.toContain("verysecretpath");
      expect(String(error)).not.toContain("not-a-standard-secret");
    }
  });
});
