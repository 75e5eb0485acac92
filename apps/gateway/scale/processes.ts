// The processes the scale test runs: gateways (the built dist/main.js with the node flags of `pnpm start`) and
// HAProxy in front of them, and a watcher of their peak resident memory.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const MAIN = fileURLToPath(new URL("../dist/main.js", import.meta.url));

/** The node flags `pnpm start` runs the gateway with. */
const startFlags = async (): Promise<string[]> => {
  const manifest = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8")) as {
    scripts: Record<string, string>;
  };
  return (manifest.scripts.start ?? "").split(/\s+/).filter((word) => word.startsWith("--"));
};

/** One gateway replica on a fixed port, which can be killed and started again. */
export interface GatewayProcess {
  readonly name: string;
  readonly port: number;
  pid(): number | undefined;
  /** Starts it and waits until `/readyz` answers 200. */
  start(): Promise<void>;
  /** `kill -9`. */
  kill(): Promise<void>;
  /** SIGTERM, and waits for the exit. */
  stop(): Promise<void>;
  /** The last lines it wrote to stderr (start-up failures). */
  stderr(): string;
}

export const waitUntilReady = async (url: string, timeoutMs: number): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const status = await fetch(url, { signal: AbortSignal.timeout(2000) })
      .then((response) => response.status)
      .catch(() => 0);
    if (status === 200) return;
    await sleep(200);
  }
  throw new Error(`${url} was not ready within ${timeoutMs} ms`);
};

export const gatewayProcess = (name: string, port: number, env: Record<string, string>): GatewayProcess => {
  let child: ChildProcess | undefined;
  let stderr = "";
  const exited = () => child === undefined || child.exitCode !== null || child.signalCode !== null;
  const waitForExit = (current: ChildProcess) =>
    current.exitCode !== null || current.signalCode !== null
      ? Promise.resolve()
      : new Promise<void>((resolve) => current.once("exit", () => resolve()));
  return {
    name,
    port,
    pid: () => (exited() ? undefined : child?.pid),
    start: async () => {
      child = spawn(process.execPath, [...(await startFlags()), MAIN], {
        env: { PATH: process.env.PATH ?? "", PORT: String(port), HOST: "127.0.0.1", ...env },
        stdio: ["ignore", "ignore", "pipe"],
      });
      child.stderr?.on("data", (chunk) => {
        stderr = (stderr + String(chunk)).slice(-4000);
      });
      await waitUntilReady(`http://127.0.0.1:${port}/readyz`, 60_000);
    },
    kill: async () => {
      const current = child;
      if (current === undefined || exited()) return;
      current.kill("SIGKILL");
      await waitForExit(current);
    },
    stop: async () => {
      const current = child;
      if (current === undefined || exited()) return;
      current.kill("SIGTERM");
      await waitForExit(current);
    },
    stderr: () => stderr,
  };
};

/** HAProxy from Debian's package, round robin over the ready gateways (`/readyz` every second), else the live ones. */
export interface LoadBalancer {
  readonly url: string;
  pid(): number | undefined;
  stop(): Promise<void>;
}

const haproxyConfig = (port: number, gateways: readonly GatewayProcess[]): string =>
  [
    "global",
    "  maxconn 1024",
    "defaults",
    "  mode http",
    "  timeout connect 2s",
    "  timeout client 60s",
    "  timeout server 60s",
    // A replica killed mid-request: the request goes to another one (the gateway's mutations are safe to repeat:
    // submitTicket carries an idempotency key).
    "  retries 3",
    "  option redispatch 1",
    "  retry-on conn-failure empty-response response-timeout",
    "frontend flowdoctor",
    `  bind 127.0.0.1:${port}`,
    // /readyz fails on every replica at once when the shared PostgreSQL or the platform is away; then the live
    // replicas still serve what needs neither (reads of the platform while the database restarts), not a 503 for all.
    "  use_backend ready if { nbsrv(ready) gt 0 }",
    "  default_backend live",
    ...backend("ready", "/readyz", gateways),
    ...backend("live", "/healthz", gateways),
    "",
  ].join("\n");

const backend = (name: string, check: string, gateways: readonly GatewayProcess[]): string[] => [
  `backend ${name}`,
  "  balance roundrobin",
  `  option httpchk GET ${check}`,
  "  http-check expect status 200",
  "  default-server inter 1s fall 2 rise 1",
  ...gateways.map((gateway) => `  server ${gateway.name} 127.0.0.1:${gateway.port} check`),
];

/** Installs HAProxy with apt-get when it is missing (Debian's package; needs root). */
export const ensureHaproxy = async (): Promise<string> => {
  const found = await run("sh", ["-c", "command -v haproxy"]).catch(() => undefined);
  if (found !== undefined) return found.stdout.trim();
  console.log("installing HAProxy (apt-get install haproxy)...");
  await run("apt-get", ["install", "-y", "-qq", "haproxy"], {
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  return (await run("sh", ["-c", "command -v haproxy"])).stdout.trim();
};

export const startLoadBalancer = async (
  folder: string,
  port: number,
  gateways: readonly GatewayProcess[],
): Promise<LoadBalancer> => {
  const binary = await ensureHaproxy();
  const configFile = join(folder, "haproxy.cfg");
  await writeFile(configFile, haproxyConfig(port, gateways));
  const child = spawn(binary, ["-db", "-f", configFile], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr = (stderr + String(chunk)).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilReady(`${url}/readyz`, 20_000).catch((error: unknown) => {
    throw new Error(`HAProxy did not start: ${String(error)} ${stderr}`);
  });
  return {
    url,
    pid: () => (child.exitCode === null ? child.pid : undefined),
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await new Promise<void>((resolve) => child.once("exit", () => resolve()));
    },
  };
};

/** Polls each named process's peak resident memory (VmHWM) while it lives; a restarted one keeps its highest. */
export const watchMemory = (
  processes: Record<string, () => Promise<number | undefined> | number | undefined>,
) => {
  const peaks = new Map<string, number>();
  const poll = async () => {
    for (const [name, pidOf] of Object.entries(processes)) {
      const pid = await Promise.resolve(pidOf()).catch(() => undefined);
      if (pid === undefined) continue;
      const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
      const mb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
      peaks.set(name, Math.max(peaks.get(name) ?? 0, mb));
    }
  };
  const timer = setInterval(() => void poll(), 500);
  return {
    stop: async () => {
      clearInterval(timer);
      await poll();
      return peaks;
    },
  };
};
