import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";

const JSONC_MODULE = "@graphiql/react/dist/utility/jsonc.js";
const PRETTIER_FORMAT = /async function formatJSONC\(content\) \{[\s\S]*?\n\}\n/;

/**
 * GraphiQL formats the variables and headers editors with Prettier's Babel parser (140 kB gzipped). jsonc-parser,
 * which GraphiQL bundles anyway, formats JSON with comments as well; the build fails if GraphiQL's code changes.
 */
const jsoncWithoutPrettier = (): Plugin => ({
  name: "flowdoctor:jsonc-without-prettier",
  enforce: "pre",
  transform(code, id) {
    if (!id.replaceAll("\\", "/").endsWith(JSONC_MODULE)) return null;
    const imports = 'import { parse, printParseErrorCode } from "jsonc-parser";';
    if (!PRETTIER_FORMAT.test(code) || !code.includes(imports)) {
      this.error(`${JSONC_MODULE} changed: update the jsoncWithoutPrettier plugin in vite.config.ts`);
    }
    return code
      .replace(imports, 'import { applyEdits, format, parse, printParseErrorCode } from "jsonc-parser";')
      .replace(
        PRETTIER_FORMAT,
        "async function formatJSONC(content) {\n\treturn applyEdits(content, format(content, undefined, { tabSize: 2, insertSpaces: true }));\n}\n",
      );
  },
});

const MONACO_CORE = "monaco-editor/esm/vs/editor/edcore.main.js";
/**
 * Editor features GraphiQL's editors do without: diff, colour pickers, inline AI edits, code lenses and actions,
 * rename, references, go to symbol, multiple cursors. Completion, hover, find, folding, comments, formatting, moving
 * lines and the F1 command list stay.
 */
const UNUSED_MONACO_FEATURES = [
  "/widget/diffEditor/",
  "/contrib/anchorSelect/",
  "/contrib/codelens/",
  "/contrib/colorPicker/",
  "/contrib/dnd/",
  "/contrib/dropOrPasteInto/",
  "/contrib/documentSymbols/",
  "/contrib/inlineCompletions/",
  "/contrib/inlineEdit/",
  "/contrib/inlineEdits/",
  "/contrib/inlayHints/",
  "/contrib/inPlaceReplace/",
  "/contrib/linkedEditing/",
  "/contrib/longLinesHelper/",
  "/contrib/sectionHeaders/",
  "/contrib/semanticTokens/",
  "/contrib/stickyScroll/",
  "/contrib/suggest/browser/suggestInlineCompletions",
  "/contrib/unicodeHighlighter/",
  "/contrib/unusualLineTerminators/",
  "/contrib/diffEditorBreadcrumbs/",
  "/iPadShowKeyboard/",
  "/inspectTokens/",
  "/toggleHighContrast/",
  "/referenceSearch/",
  "/standaloneGotoSymbolQuickAccess",
  "/standaloneHelpQuickAccess",
  "/contrib/caretOperations/",
  "/contrib/codeAction/",
  "/contrib/fontZoom/",
  "/contrib/gotoError/",
  "/contrib/gotoSymbol/",
  "/contrib/links/",
  "/contrib/parameterHints/",
  "/contrib/rename/",
  "/contrib/smartSelect/",
  "/contrib/cursorUndo/",
  "/contrib/inlineProgress/",
  "/contrib/placeholderText/",
  "/contrib/readOnlyMessage/",
  "/contrib/tokenization/",
  "/contrib/wordHighlighter/",
  "/contrib/wordPartOperations/",
  "/contrib/indentation/",
  "/contrib/lineSelection/",
  "/contrib/multicursor/",
];

/**
 * monaco-graphql loads Monaco with every editor feature (edcore.main); GraphiQL's query, variables and response
 * editors use a part of them. Leaves out the features above from edcore.main and the editor.all it imports.
 */
const monacoWithoutUnusedFeatures = (): Plugin => ({
  name: "flowdoctor:monaco-without-unused-features",
  enforce: "pre",
  async load(id) {
    const path = id.replaceAll("\\", "/");
    const isCore = path.endsWith(MONACO_CORE);
    if (!isCore && !path.endsWith("monaco-editor/esm/vs/editor/editor.all.js")) return null;
    const code = await readFile(id, "utf8");
    const kept = code
      .split("\n")
      .filter(
        (line) =>
          !UNUSED_MONACO_FEATURES.some((feature) => line.startsWith("import") && line.includes(feature)),
      );
    if (kept.length === code.split("\n").length)
      this.error(`${id} changed: update monacoWithoutUnusedFeatures`);
    return kept.join("\n");
  },
});

// Bundles the offline playground (the console and GraphiQL 5) into dist/playground; the gateway serves it.
export default defineConfig({
  root: fileURLToPath(new URL("./src/playground/app/", import.meta.url)),
  base: "/playground/",
  logLevel: "warn",
  plugins: [jsoncWithoutPrettier(), monacoWithoutUnusedFeatures()],
  resolve: {
    // GraphiQL's prettify imports Prettier's GraphQL plugin twice: as `plugins/graphql` (ESM) and as its old name
    // `parser-graphql` (UMD, the same code). One copy is enough (13 kB gzipped less).
    alias: [{ find: /^prettier\/parser-graphql$/, replacement: "prettier/plugins/graphql" }],
  },
  build: {
    outDir: fileURLToPath(new URL("./dist/playground/", import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 8000,
    reportCompressedSize: false,
    rolldownOptions: {
      onwarn(warning, warn) {
        // GraphiQL's dependencies carry React "use client" directives, which mean nothing in a plain bundle.
        if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
      },
    },
  },
});
