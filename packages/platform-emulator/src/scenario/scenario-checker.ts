import { OBJECT_ID_PATTERN, SHA_PATTERN } from "./ids.js";
import { isTimeRef } from "./relative-time.js";

type Record_ = Readonly<Record<string, unknown>>;

/** An object found in a scenario file and where it sits, e.g. `flows[2]`. */
export interface Located {
  readonly item: Record_;
  readonly path: string;
}

/** Collects validation problems, each as `path: rule (got …)`. */
export interface Checker {
  readonly problems: string[];
  /** Records a problem at a path. */
  fail(path: string, rule: string, ...got: unknown[]): void;
  string(record: Record_, path: string, key: string, optional?: boolean): void;
  objectId(record: Record_, path: string, key: string, optional?: boolean): void;
  sha(record: Record_, path: string, key: string): void;
  time(record: Record_, path: string, key: string, optional?: boolean): void;
  oneOf(record: Record_, path: string, key: string, allowed: readonly unknown[], optional?: boolean): void;
  integer(record: Record_, path: string, key: string, min: number): void;
  /** A reference to an id of a known set. */
  ref(
    record: Record_,
    path: string,
    key: string,
    known: ReadonlySet<string>,
    what: string,
    optional?: boolean,
  ): void;
  /** The objects of the array under a key, each with its path; problems recorded for anything else. */
  objects(record: Record_, path: string, key: string, optional?: boolean): Located[];
}

const shown = (value: unknown): string => {
  const text = JSON.stringify(value);
  return text === undefined ? "undefined" : text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

export const isRecord = (value: unknown): value is Record_ =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export const createChecker = (): Checker => {
  const problems: string[] = [];
  const fail = (path: string, rule: string, ...got: unknown[]): void => {
    problems.push(got.length > 0 ? `${path}: ${rule} (got ${shown(got[0])})` : `${path}: ${rule}`);
  };
  const check = (
    record: Record_,
    path: string,
    key: string,
    optional: boolean,
    ok: (v: unknown) => boolean,
    rule: string,
  ) => {
    const value = record[key];
    if (value === undefined && optional) return;
    if (value === undefined) fail(`${path}.${key}`, `is required and ${rule}`);
    else if (!ok(value)) fail(`${path}.${key}`, rule, value);
  };
  return {
    problems,
    fail,
    string: (r, p, k, o = false) =>
      check(r, p, k, o, (v) => typeof v === "string" && v.trim() !== "", "must be a non-empty string"),
    objectId: (r, p, k, o = false) =>
      check(
        r,
        p,
        k,
        o,
        (v) => typeof v === "string" && OBJECT_ID_PATTERN.test(v),
        "must be a 24-hex ObjectId",
      ),
    sha: (r, p, k) =>
      check(r, p, k, false, (v) => typeof v === "string" && SHA_PATTERN.test(v), "must be a 40-hex git hash"),
    time: (r, p, k, o = false) =>
      check(r, p, k, o, isTimeRef, 'must be an ISO-8601 date-time, "now" or an offset like "-3d4h"'),
    oneOf: (r, p, k, allowed, o = false) =>
      check(
        r,
        p,
        k,
        o,
        (v) => allowed.includes(v),
        `must be one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`,
      ),
    integer: (r, p, k, min) =>
      check(
        r,
        p,
        k,
        false,
        (v) => Number.isInteger(v) && (v as number) >= min,
        `must be an integer of at least ${min}`,
      ),
    ref: (r, p, k, known, what, o = false) =>
      check(
        r,
        p,
        k,
        o,
        (v) => typeof v === "string" && known.has(v),
        `must be the id of a ${what} in the scenario`,
      ),
    objects: (r, p, k, o = false) => {
      const value = r[k];
      const at = p === "" ? k : `${p}.${k}`;
      if (value === undefined && o) return [];
      if (!Array.isArray(value)) {
        fail(at, o ? "must be an array" : "is required and must be an array", value);
        return [];
      }
      const located: Located[] = [];
      value.forEach((item: unknown, index) => {
        if (isRecord(item)) located.push({ item, path: `${at}[${index}]` });
        else fail(`${at}[${index}]`, "must be an object", item);
      });
      return located;
    },
  };
};
