import { EmulatorError } from "../errors.js";

/** Statuses a fault can answer with. */
export const FAULT_STATUSES = [429, 500, 502, 503] as const;
/** One of {@link FAULT_STATUSES}. */
export type FaultStatus = (typeof FAULT_STATUSES)[number];

/**
 * A fault injected into matching requests. The first rule that matches a request (and has `times` left) applies;
 * put several effects in one rule to combine them.
 */
export interface FaultRule {
  /** HTTP method to match. @default any */
  readonly method?: string;
  /** Path to match: exact (`/v2/flows`), or a prefix ending in `*` (`/v2/flows*`). Trailing slashes are ignored. @default every path */
  readonly path?: string;
  /** Delay before answering, ms. @default 0 */
  readonly latencyMs?: number;
  /** Answer with this status and the error envelope instead of the real answer. */
  readonly status?: FaultStatus;
  /** `Retry-After` seconds sent with `status` 429 or 503. @default 1 for 429, none for 503 */
  readonly retryAfterSeconds?: number;
  /** Destroy the connection without an answer. @default false */
  readonly dropConnection?: boolean;
  /** Send the body in pieces spread over this many ms. @default 0 */
  readonly slowBodyMs?: number;
  /** How many matching requests the rule affects before it switches itself off. @default unlimited */
  readonly times?: number;
}

/** A rule with its remaining count. */
interface ActiveRule {
  readonly rule: FaultRule;
  remaining: number;
}

const fail = (index: number, rule: string): never => {
  throw new EmulatorError("EMULATOR_INVALID_OPTIONS", `faults[${index}]: ${rule}`);
};

const checkNumber = (index: number, name: string, value: number | undefined, integer: boolean): void => {
  if (value === undefined) return;
  if (!Number.isFinite(value) || value < 0 || (integer && !Number.isInteger(value))) {
    fail(index, `${name} must be a non-negative ${integer ? "integer" : "number"} (got ${String(value)})`);
  }
};

/** Validates fault rules; throws `EMULATOR_INVALID_OPTIONS` naming the rule and field. */
export const validateFaults = (faults: readonly FaultRule[]): void => {
  if (!Array.isArray(faults))
    throw new EmulatorError("EMULATOR_INVALID_OPTIONS", "faults must be an array of rules");
  faults.forEach((rule, index) => {
    if (typeof rule !== "object" || rule === null) fail(index, "must be an object");
    if (rule.status !== undefined && !(FAULT_STATUSES as readonly number[]).includes(rule.status)) {
      fail(index, `status must be one of ${FAULT_STATUSES.join(", ")} (got ${String(rule.status)})`);
    }
    if (rule.path !== undefined && (typeof rule.path !== "string" || !rule.path.startsWith("/"))) {
      fail(index, "path must be a string starting with /");
    }
    checkNumber(index, "latencyMs", rule.latencyMs, false);
    checkNumber(index, "slowBodyMs", rule.slowBodyMs, false);
    checkNumber(index, "retryAfterSeconds", rule.retryAfterSeconds, true);
    checkNumber(index, "times", rule.times, true);
  });
};

const stripSlash = (path: string): string => (path.length > 1 ? path.replace(/\/+$/, "") : path);

const matches = (rule: FaultRule, method: string, path: string): boolean => {
  if (rule.method !== undefined && rule.method.toUpperCase() !== method) return false;
  if (rule.path === undefined) return true;
  if (rule.path.endsWith("*")) return path.startsWith(rule.path.slice(0, -1));
  return stripSlash(rule.path) === path;
};

/** The emulator's fault rules, changeable at run time. */
export interface FaultSet {
  /** Replaces every rule (an empty list switches faults off). */
  set(faults: readonly FaultRule[]): void;
  /** The rule that applies to a request, counting it; `undefined` when none does. */
  take(method: string, path: string): FaultRule | undefined;
}

/** A fault set starting with validated rules. */
export const createFaultSet = (initial: readonly FaultRule[]): FaultSet => {
  let active: ActiveRule[] = [];
  const set = (faults: readonly FaultRule[]): void => {
    validateFaults(faults);
    active = faults.map((rule) => ({ rule, remaining: rule.times ?? Number.POSITIVE_INFINITY }));
  };
  set(initial);
  return {
    set,
    take: (method, path) => {
      if (active.length === 0) return undefined;
      const found = active.find((item) => item.remaining > 0 && matches(item.rule, method, stripSlash(path)));
      if (!found) return undefined;
      found.remaining -= 1;
      return found.rule;
    },
  };
};
