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

// Bundles the offline playground (the console and GraphiQL 5) into dist/playground; the gateway serves it.
export default defineConfig({
  root: fileURLToPath(new URL("./src/playground/app/", import.meta.url)),
  base: "/playground/",
  logLevel: "warn",
  plugins: [jsoncWithoutPrettier()],
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
