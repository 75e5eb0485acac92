#!/usr/bin/env node
import { runCli } from "./cli/run-cli.js";

const emulator = await runCli(process.argv.slice(2), { log: console.log, error: console.error });
if (!emulator && process.argv.slice(2).some((arg) => arg === "--help" || arg === "-h")) process.exit(0);
if (!emulator) process.exit(1);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void emulator.close().then(() => process.exit(0));
  });
}
