// Monaco's JSON worker keeps its service to itself and starts it from the first message; the handler it installs
// on loading is that start.
import "monaco-editor/esm/vs/language/json/json.worker.js";

export const startJsonService = globalThis.onmessage;
