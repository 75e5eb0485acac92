import { readFile } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import { extname, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** Where `vite build` puts the playground; the same path from `src/http` and `dist/http`. */
export const DEFAULT_PLAYGROUND_DIR = fileURLToPath(new URL("../../dist/playground/", import.meta.url));

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".ttf": "font/ttf",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

// Everything comes from the gateway itself: the playground must work offline.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
].join("; ");

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Flowdoctor playground</title>
<p>The playground is not built. Run <code>pnpm --filter @flowdoctor/gateway build</code>, then reload.
The GraphQL endpoint is <code>/graphql</code>.</p>`;

/** Serves the bundled playground: `/` and `/playground` give its page, `/playground/…` its files. */
export const servePlayground = async (
  directory: string,
  pathname: string,
  response: ServerResponse,
): Promise<void> => {
  const relative =
    pathname === "/" || pathname === "/playground" ? "index.html" : pathname.slice("/playground/".length);
  const root = resolve(directory);
  const file = resolve(root, decodeURIComponent(relative) || "index.html");
  if (!file.startsWith(root + sep)) {
    response.writeHead(404).end();
    return;
  }
  try {
    const body = await readFile(file);
    const isPage = file.endsWith(".html");
    response.writeHead(200, {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "content-length": body.length,
      "cache-control": isPage ? "no-cache" : "public, max-age=31536000, immutable",
      "content-security-policy": CONTENT_SECURITY_POLICY,
      "x-content-type-options": "nosniff",
    });
    response.end(body);
  } catch {
    const isPage = relative === "index.html";
    response.writeHead(isPage ? 503 : 404, { "content-type": "text/html; charset=utf-8" });
    response.end(isPage ? NOT_BUILT : "");
  }
};
