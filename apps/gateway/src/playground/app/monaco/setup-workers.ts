import type { Environment } from "monaco-editor";
import MonacoWorker from "./editor-services.worker.js?worker";

/**
 * Monaco asks for a worker per language service: the editor's own, JSON's (variables and headers) and GraphQL's.
 * GraphiQL's own setup bundles each as a separate worker, each with its own copy of Monaco's worker runtime (about
 * 75 kB gzipped apiece); one worker serves all three, told which by its name.
 */
const environment: Environment = {
  getWorker: (_workerId, label) => new MonacoWorker({ name: label }),
};
Object.assign(globalThis, { MonacoEnvironment: environment });
