import { randomUUID } from "node:crypto";
import { readFileSync, unlinkSync } from "node:fs";
import { open, readFile, rm, stat } from "node:fs/promises";
import { hostname } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";

/** Who holds a store lock, as written in its lock file. */
export interface LockHolder {
  readonly pid: number;
  readonly hostname: string;
  /** When the holder took the lock, ISO-8601. */
  readonly startedAt: string;
  /** The holder's start time in clock ticks after boot (`/proc/<pid>/stat`), where the OS tells it. */
  readonly processStart?: string;
  /** Tells this lock from any other, also from one the same process takes again. */
  readonly id?: string;
}

/** A held store lock; `release` removes the lock file (idempotent, also run when the process exits). */
export interface StoreLock {
  readonly path: string;
  release(): Promise<void>;
}

/** Thrown by {@link acquireStoreLock} while another live process holds the lock. */
export class StoreLockedError extends Error {
  override readonly name = "StoreLockedError";
  readonly path: string;
  readonly holder: LockHolder | undefined;

  constructor(path: string, holder: LockHolder | undefined) {
    super(
      holder === undefined
        ? `${path} is held by another process`
        : `${path} is held by pid ${holder.pid} on ${holder.hostname} since ${holder.startedAt}`,
    );
    this.path = path;
    this.holder = holder;
  }
}

/** Options of {@link acquireStoreLock}. */
export interface AcquireStoreLockOptions {
  /** Told when a lock left by a process that is gone (a crash, kill -9) is taken over. */
  readonly onStaleLock?: (holder: LockHolder | undefined) => void;
}

// A lock file is created and written at once; one that stays unreadable (or a takeover file that stays) this long was
// left by a process that died right then.
const UNREADABLE_GRACE_MS = 10_000;

/** Lock files this process holds, by path, with their text. */
const heldHere = new Map<string, string>();
/**
 * The texts of lock files this process holds or is creating: a lock naming our pid that is not one of them was left
 * by an earlier process with the same pid (a restarted container's gateway is often pid 1 again).
 */
const oursHere = new Set<string>();

/** The process's start time after boot, in clock ticks (Linux); undefined where /proc does not tell. */
const processStartOf = (pid: number): string | undefined => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name, which is in parentheses and may hold spaces; starttime is field 22.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
};

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/** Whether the holder is certainly gone: only checkable on this host, and pid reuse is caught where /proc tells. */
const isGone = (holder: LockHolder, text: string): boolean => {
  if (holder.hostname !== hostname()) return false;
  if (holder.pid === process.pid) return !oursHere.has(text);
  if (!isRunning(holder.pid)) return true;
  const start = processStartOf(holder.pid);
  return holder.processStart !== undefined && start !== undefined && start !== holder.processStart;
};

const parseHolder = (text: string): LockHolder | undefined => {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (
      typeof value.pid === "number" &&
      typeof value.hostname === "string" &&
      typeof value.startedAt === "string"
    )
      return value as LockHolder;
  } catch {
    // unreadable: handled by the caller
  }
  return undefined;
};

/** The lock file's text and whether its holder is gone, or undefined when the file vanished meanwhile. */
const readLock = async (
  path: string,
): Promise<{ text: string; holder?: LockHolder; gone: boolean } | undefined> => {
  try {
    const [text, info] = await Promise.all([readFile(path, "utf8"), stat(path)]);
    const holder = parseHolder(text);
    if (holder === undefined) return { text, gone: Date.now() - info.mtimeMs > UNREADABLE_GRACE_MS };
    return { text, holder, gone: isGone(holder, text) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
};

/**
 * Removes a stale lock under a second lock file, so that of several processes taking it over at once exactly one
 * removes it (and the others then meet the winner's lock). True when this process removed it.
 */
const removeStale = async (path: string, staleText: string, content: string): Promise<boolean> => {
  const takeover = `${path}.takeover`;
  if (!(await create(takeover, content))) {
    const info = await stat(takeover).catch(() => undefined);
    if (info !== undefined && Date.now() - info.mtimeMs > UNREADABLE_GRACE_MS)
      await rm(takeover, { force: true });
    else await sleep(20);
    return false;
  }
  try {
    const current = await readFile(path, "utf8").catch(() => undefined);
    if (current !== staleText) return false;
    await rm(path, { force: true });
    return true;
  } finally {
    await rm(takeover, { force: true });
  }
};

const create = async (path: string, content: string): Promise<boolean> => {
  try {
    const file = await open(path, "wx");
    try {
      await file.writeFile(content);
      await file.sync();
    } catch (error) {
      await rm(path, { force: true });
      throw error;
    } finally {
      await file.close();
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
};

// `exit` also runs after an uncaught exception and process.exit(); only kill -9 (or power loss) leaves the file,
// and the next start takes such a lock over.
const removeHeldOnExit = () => {
  for (const [path, content] of heldHere) {
    try {
      if (readFileSync(path, "utf8") === content) unlinkSync(path);
    } catch {
      // already gone
    }
  }
};

let exitHookInstalled = false;

const holdLock = (path: string, content: string): StoreLock => {
  if (!exitHookInstalled) process.once("exit", removeHeldOnExit);
  exitHookInstalled = true;
  heldHere.set(path, content);
  return {
    path,
    release: async () => {
      if (heldHere.get(path) !== content) return;
      heldHere.delete(path);
      oursHere.delete(content);
      const current = await readFile(path, "utf8").catch(() => undefined);
      if (current === content) await rm(path, { force: true });
    },
  };
};

/**
 * Takes an exclusive lock file (created with `wx`, holding pid, host name and start time), so only one process at a
 * time opens the store it guards. A lock whose holder is gone from this host (checked by pid, and by the process's
 * start time where /proc tells, against pid reuse) is taken over; otherwise throws {@link StoreLockedError}.
 */
export const acquireStoreLock = async (
  path: string,
  options: AcquireStoreLockOptions = {},
): Promise<StoreLock> => {
  const processStart = processStartOf(process.pid);
  const holder: LockHolder = {
    pid: process.pid,
    hostname: hostname(),
    startedAt: new Date().toISOString(),
    ...(processStart === undefined ? {} : { processStart }),
    id: randomUUID(),
  };
  const content = `${JSON.stringify(holder)}\n`;
  oursHere.add(content);
  try {
    for (let attempt = 0; attempt < 50; attempt += 1) {
      if (await create(path, content)) return holdLock(path, content);
      const existing = await readLock(path);
      if (existing === undefined) continue;
      if (!existing.gone) throw new StoreLockedError(path, existing.holder);
      if (await removeStale(path, existing.text, content)) options.onStaleLock?.(existing.holder);
    }
    throw new StoreLockedError(path, (await readLock(path))?.holder);
  } catch (error) {
    oursHere.delete(content);
    throw error;
  }
};
