import { readFileSync } from "node:fs";

// package.json sits one folder above both src/ and dist/.
const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  version?: string;
};

/** The gateway package's version. */
export const GATEWAY_VERSION: string = manifest.version ?? "0.0.0";
