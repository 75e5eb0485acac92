declare module "monaco-editor/esm/vs/editor/editor.worker.js" {
  export function initialize(foreignModule: unknown): void;
}
declare module "monaco-editor/esm/vs/language/json/json.worker.js";
