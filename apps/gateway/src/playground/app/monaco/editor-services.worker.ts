// One worker for every Monaco language service; `setup-workers.ts` names the one it wants. Each service module
// installs its start as `onmessage` when it loads, so the imports are captured one at a time, in this order.
import { initialize } from "monaco-editor/esm/vs/editor/editor.worker.js";
import { startGraphQLService } from "./graphql-service.js";
import { startJsonService } from "./json-service.js";

const starts: Record<string, typeof globalThis.onmessage> = {
  json: startJsonService,
  graphql: startGraphQLService,
};

if (startJsonService === startGraphQLService || typeof startJsonService !== "function")
  throw new Error("Monaco's worker modules changed: update src/playground/app/monaco");

globalThis.onmessage = starts[(globalThis as { name?: string }).name ?? ""] ?? (() => initialize(null));
