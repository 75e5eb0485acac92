import { parseArgs } from "node:util";
import { EmulatorError, isEmulatorError } from "../errors.js";
import { createEmulator, type Emulator } from "../server/create-emulator.js";

/** The command's help text. */
export const CLI_USAGE = `Usage: flowdoctor-emulator [--port 4010] [--host 127.0.0.1] [--scenario demo|verdicts|rootcauses|health|<file>] [--now <ISO>] [--verification-polls 1]

Serves the elastic.io REST API v2 over a scenario. --scenario takes "demo" (default), "verdicts" (flows built
to earn one verdict each: recoveries, transient errors, hidden causes), "rootcauses" (failures that share a
credential, host, component version or cause), "health" (14 days of rhythms: quiet flows, missed runs, a stuck
consumer, healthy lulls), a .json file,
or a JavaScript module exporting \`scenario\`. Times in the scenario are relative to --now (default: now).`;

/** The command's parsed options. */
export interface CliOptions {
  readonly port: number;
  readonly host: string;
  readonly scenario: string;
  readonly now?: string;
  readonly verificationPolls: number;
}

const integerOption = (name: string, raw: string | undefined, fallback: number): number => {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new EmulatorError(
      "EMULATOR_INVALID_OPTIONS",
      `--${name} must be a non-negative integer (got ${raw})`,
    );
  }
  return value;
};

/** Parses the command line; `undefined` when help was asked for. */
export const parseCliArgs = (argv: readonly string[]): CliOptions | undefined => {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new EmulatorError("EMULATOR_INVALID_OPTIONS", (error as Error).message, { cause: error });
  }
  const { values } = parsed;
  if (values.help) return undefined;
  return {
    port: integerOption("port", values.port, 4010),
    host: values.host ?? "127.0.0.1",
    scenario: values.scenario ?? "demo",
    ...(values.now === undefined ? {} : { now: values.now }),
    verificationPolls: integerOption("verification-polls", values["verification-polls"], 1),
  };
};

const parse = (argv: readonly string[]) =>
  parseArgs({
    args: [...argv],
    options: {
      port: { type: "string", short: "p" },
      host: { type: "string" },
      scenario: { type: "string", short: "s" },
      now: { type: "string" },
      "verification-polls": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
    allowPositionals: false,
  });

/** What the command prints once the emulator listens: the URL and every seeded user's credentials. */
export const describeEmulator = (emulator: Emulator): string => {
  const width = Math.max(...emulator.users.map((user) => user.email.length));
  const users = emulator.users.map((user) => `  ${user.email.padEnd(width)}  ${user.apiKey}  (${user.name})`);
  const first = emulator.users[0];
  const example = first
    ? `\nTry: curl -g -u '${first.email}:${first.apiKey}' ${emulator.url}/v2/users/me`
    : "";
  return (
    [
      `elastic.io API emulator listening on ${emulator.url} (scenario "${emulator.scenario.name}", now ${emulator.scenario.now})`,
      "Users (HTTP Basic: e-mail and API key):",
      ...users,
    ].join("\n") + example
  );
};

/** Runs the command: starts the emulator and prints its users; returns it (or `undefined` after help or an error). */
export const runCli = async (
  argv: readonly string[],
  output: { log: (text: string) => void; error: (text: string) => void },
): Promise<Emulator | undefined> => {
  try {
    const options = parseCliArgs(argv);
    if (!options) {
      output.log(CLI_USAGE);
      return undefined;
    }
    const emulator = await createEmulator({
      port: options.port,
      host: options.host,
      scenario: options.scenario,
      verificationPolls: options.verificationPolls,
      ...(options.now === undefined ? {} : { now: options.now }),
    });
    output.log(describeEmulator(emulator));
    return emulator;
  } catch (error) {
    // Known errors carry a message meant for people; anything else is reported without its stack.
    output.error(
      isEmulatorError(error) ? error.message : `Could not start the emulator: ${(error as Error).message}`,
    );
    return undefined;
  }
};
