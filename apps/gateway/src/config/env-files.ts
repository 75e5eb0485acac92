import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseEnv } from "node:util";

type MutableEnv = Record<string, string | undefined>;

/** The nearest folder at or above `from` that holds `pnpm-workspace.yaml`: the repository root of a checkout. */
const findWorkspaceRoot = (from: string): string | undefined => {
  for (let folder = resolve(from); ; folder = dirname(folder)) {
    if (existsSync(join(folder, "pnpm-workspace.yaml"))) return folder;
    if (dirname(folder) === folder) return undefined;
  }
};

/**
 * The `.env` files the gateway reads, nearest first: the working directory's (beside the gateway when started with
 * `pnpm start`), then the repository root's when it runs inside a checkout. Only files that exist.
 */
export const findEnvFiles = (cwd: string): string[] => {
  const root = findWorkspaceRoot(cwd);
  const candidates = [join(resolve(cwd), ".env"), ...(root === undefined ? [] : [join(root, ".env")])];
  return [...new Set(candidates)].filter((file) => existsSync(file));
};

/**
 * Copies into `env` every variable of the `.env` files that `env` does not already have, so real environment
 * variables win over the files and the nearer file wins over the farther one. Returns the files read.
 */
export const loadEnvFiles = (cwd: string, env: MutableEnv): string[] => {
  const files = findEnvFiles(cwd);
  for (const file of files) {
    for (const [name, value] of Object.entries(parseEnv(readFileSync(file, "utf8")))) {
      if (env[name] === undefined) env[name] = value;
    }
  }
  return files;
};
