import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** What the scripted server does with one request. */
export type Script = (request: IncomingMessage, response: ServerResponse, body: string) => void;

/** A real HTTP server on 127.0.0.1 whose answers a test scripts: failures a healthy gateway never gives. */
export interface ScriptedServer {
  readonly url: string;
  /** Request bodies received so far. */
  readonly bodies: string[];
  readonly close: () => Promise<void>;
}

/** Starts a server that answers the n-th request (0-based) with `scripts[n]`, or the last script after that. */
export const startScriptedServer = async (scripts: readonly Script[]): Promise<ScriptedServer> => {
  const bodies: string[] = [];
  const server = createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => {
      body += chunk;
    });
    request.on("end", () => {
      const script = scripts[Math.min(bodies.length, scripts.length - 1)];
      bodies.push(body);
      script?.(request, response, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { url: `http://127.0.0.1:${port}/graphql`, bodies, close };
};

/** Answers JSON with a status. */
export const json =
  (status: number, value: unknown): Script =>
  (_request, response) => {
    response.writeHead(status, { "content-type": "application/json" });
    response.end(JSON.stringify(value));
  };

/** Answers plain text with a status, as a proxy in front of the gateway might. */
export const text =
  (status: number, value: string): Script =>
  (_request, response) => {
    response.writeHead(status, { "content-type": "text/plain" });
    response.end(value);
  };

/** Destroys the connection without an answer. */
export const drop: Script = (request) => {
  request.socket.destroy();
};

/** Never answers (until the server closes). */
export const hang: Script = () => {};
