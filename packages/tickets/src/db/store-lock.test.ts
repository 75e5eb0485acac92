import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { acquireStoreLock, type LockHolder, StoreLockedError } from "./store-lock.js";

/** The pid of a process that has exited. */
const deadPid = async (): Promise<number> => {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await once(child, "exit");
  return child.pid as number;
};

const lockText = (holder: Partial<LockHolder>): string =>
  JSON.stringify({ pid: 1, hostname: hostname(), startedAt: "2020-01-01T00:00:00.000Z", ...holder });

describe("acquireStoreLock", () => {
  let dir: string;
  let path: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "fd-lock-"));
    path = join(dir, "pglite.lock");
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("refuses a second holder, naming the first, and hands the lock on once it is released", async () => {
    const first = await acquireStoreLock(path);
    expect(JSON.parse(await readFile(path, "utf8"))).toMatchObject({
      pid: process.pid,
      hostname: hostname(),
    });
    const refused = await acquireStoreLock(path).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(StoreLockedError);
    expect((refused as StoreLockedError).holder).toMatchObject({ pid: process.pid });
    await first.release();
    expect(existsSync(path)).toBe(false);
    const second = await acquireStoreLock(path);
    await first.release(); // a late second release must not remove the new holder's file
    expect(existsSync(path)).toBe(true);
    await second.release();
  });

  it("takes over a lock whose process is gone from this host, and says so", async () => {
    const pid = await deadPid();
    await writeFile(path, lockText({ pid }));
    const onStaleLock = vi.fn();
    const lock = await acquireStoreLock(path, { onStaleLock });
    expect(onStaleLock).toHaveBeenCalledWith(expect.objectContaining({ pid }));
    expect(JSON.parse(await readFile(path, "utf8"))).toMatchObject({ pid: process.pid });
    await lock.release();
  });

  it("takes over a lock naming its own pid that it does not hold (a restarted container's pid 1)", async () => {
    await writeFile(path, lockText({ pid: process.pid }));
    const onStaleLock = vi.fn();
    const lock = await acquireStoreLock(path, { onStaleLock });
    expect(onStaleLock).toHaveBeenCalledTimes(1);
    await lock.release();
  });

  it.skipIf(!existsSync("/proc/self/stat"))(
    "takes over a lock whose pid now belongs to another process (started at another time)",
    async () => {
      await writeFile(path, lockText({ pid: process.ppid, processStart: "1" }));
      const lock = await acquireStoreLock(path);
      expect(JSON.parse(await readFile(path, "utf8"))).toMatchObject({ pid: process.pid });
      await lock.release();
    },
  );

  it("refuses a live process's lock, and a lock from another host it cannot check", async () => {
    await writeFile(path, lockText({ pid: process.ppid }));
    await expect(acquireStoreLock(path)).rejects.toMatchObject({ holder: { pid: process.ppid } });
    await writeFile(path, lockText({ pid: await deadPid(), hostname: "another-host" }));
    await expect(acquireStoreLock(path)).rejects.toBeInstanceOf(StoreLockedError);
  });

  it("refuses an unreadable lock while it may still be being written, and takes an old one over", async () => {
    await writeFile(path, "");
    await expect(acquireStoreLock(path)).rejects.toMatchObject({ holder: undefined });
    const aMinuteAgo = new Date(Date.now() - 60_000);
    await utimes(path, aMinuteAgo, aMinuteAgo);
    const lock = await acquireStoreLock(path);
    await lock.release();
  });

  it("removes its lock file when its process crashes", async () => {
    const crashing = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "--input-type=module",
        "-e",
        `import { acquireStoreLock } from ${JSON.stringify(join(import.meta.dirname, "store-lock.ts"))};
         await acquireStoreLock(${JSON.stringify(path)});
         setTimeout(() => { throw new Error("crash"); }, 10);`,
      ],
      { stdio: "ignore" },
    );
    const [code] = (await once(crashing, "exit")) as [number];
    expect(code).toBe(1);
    expect(existsSync(path)).toBe(false);
  });

  it("lets exactly one of two takers of the same stale lock win", async () => {
    await writeFile(path, lockText({ pid: await deadPid() }));
    const results = await Promise.allSettled([acquireStoreLock(path), acquireStoreLock(path)]);
    const won = results.filter((result) => result.status === "fulfilled");
    expect(won).toHaveLength(1);
    expect(results.find((result) => result.status === "rejected")?.reason).toBeInstanceOf(StoreLockedError);
    await (won[0] as PromiseFulfilledResult<{ release(): Promise<void> }>).value.release();
    expect(existsSync(path)).toBe(false);
  });
});
