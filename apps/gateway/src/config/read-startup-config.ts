import { isGatewayError } from "../errors.js";
import { type GatewayConfig, loadConfig } from "./config.js";
import { loadEnvFiles } from "./env-files.js";

/** The checked configuration a command starts with, and the `.env` files it came from (paths only). */
export interface StartupConfig {
  readonly config: GatewayConfig;
  readonly envFiles: readonly string[];
}

/** One line per broken variable, each naming the command, so a bad setting reads at a glance. */
const describeProblems = (message: string): string => {
  const [summary = message, ...problems] = message.split("\n- ");
  const lines = problems.length === 0 ? [summary] : problems.map((problem) => `${summary} ${problem}`);
  const text = lines.map((line) => `flowdoctor-gateway: ${line}`).join("\n");
  return `${text} (every variable: apps/gateway/.env.example)\n`;
};

/**
 * Reads the `.env` files into `process.env` (real variables win) and checks the configuration. A bad setting
 * ends the process with exit code 1 and one line per problem, no stack trace: this runs before anything slow.
 */
export const readStartupConfig = (cwd: string = process.cwd()): StartupConfig => {
  const envFiles = loadEnvFiles(cwd, process.env);
  try {
    return { config: loadConfig(process.env), envFiles };
  } catch (error) {
    if (!isGatewayError(error)) throw error;
    process.stderr.write(describeProblems(error.message));
    process.exit(1);
  }
};
