import { OBJECT_ID_PATTERN, SHA_PATTERN } from "./ids.js";
import { isTimeRef } from "./relative-time.js";

type JsonRecord = Readonly<Record<string, unknown>>;

/** An object found in a scenario file and where it sits, e.g. `flows[2]`. */
export interface Located {
  readonly item: JsonRecord;
  readonly path: string;
}

/** Checks of the fields of one object; each records a problem as `path.key: rule (got …)`. */
export interface FieldChecks {
  string(key: string, optional?: boolean): void;
  objectId(key: string, optional?: boolean): void;
  sha(key: string): void;
  time(key: string, optional?: boolean): void;
  oneOf(key: string, rule: { readonly allowed: readonly unknown[]; readonly optional?: boolean }): void;
  integer(key: string, min: number): void;
  /** A reference to an id of a known set, e.g. a workspace of the scenario. */
  ref(
    key: string,
    rule: { readonly known: ReadonlySet<string>; readonly what: string; readonly optional?: boolean },
  ): void;
  /** The objects of the array under `key`, each with its path; problems recorded for anything else. */
  objects(key: string, optional?: boolean): Located[];
}

/** Collects validation problems. */
export interface Checker {
  readonly problems: string[];
  fail(path: string, rule: string, ...got: unknown[]): void;
  /** The field checks of an object at a path (`""` for the file itself). */
  at(located: Located): FieldChecks;
}

interface FieldRule {
  readonly optional: boolean;
  readonly ok: (value: unknown) => boolean;
  readonly rule: string;
}

const shown = (value: unknown): string => {
  const text = JSON.stringify(value);
  return text === undefined ? "undefined" : text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

/** Whether a value is a plain JSON object (not null, not an array). */
export const isRecord = (value: unknown): value is JsonRecord =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const NON_EMPTY = (value: unknown): boolean => typeof value === "string" && value.trim() !== "";
const TIME_RULE = 'must be an ISO-8601 date-time, "now" or an offset like "-3d4h"';

/** A fresh problem collector. */
export const createChecker = (): Checker => {
  const problems: string[] = [];
  const fail = (path: string, rule: string, ...got: unknown[]): void => {
    problems.push(got.length > 0 ? `${path}: ${rule} (got ${shown(got[0])})` : `${path}: ${rule}`);
  };
  const at = ({ item, path }: Located): FieldChecks => {
    const where = (key: string): string => (path === "" ? key : `${path}.${key}`);
    const check = (key: string, { optional, ok, rule }: FieldRule): void => {
      const value = item[key];
      if (value === undefined && optional) return;
      if (value === undefined) fail(where(key), `is required and ${rule}`);
      else if (!ok(value)) fail(where(key), rule, value);
    };
    return {
      string: (key, optional = false) =>
        check(key, { optional, ok: NON_EMPTY, rule: "must be a non-empty string" }),
      objectId: (key, optional = false) =>
        check(key, {
          optional,
          ok: (v) => typeof v === "string" && OBJECT_ID_PATTERN.test(v),
          rule: "must be a 24-hex ObjectId",
        }),
      sha: (key) =>
        check(key, {
          optional: false,
          ok: (v) => typeof v === "string" && SHA_PATTERN.test(v),
          rule: "must be a 40-hex git hash",
        }),
      time: (key, optional = false) => check(key, { optional, ok: isTimeRef, rule: TIME_RULE }),
      oneOf: (key, { allowed, optional = false }) =>
        check(key, {
          optional,
          ok: (v) => allowed.includes(v),
          rule: `must be one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`,
        }),
      integer: (key, min) =>
        check(key, {
          optional: false,
          ok: (v) => Number.isInteger(v) && (v as number) >= min,
          rule: `must be an integer of at least ${min}`,
        }),
      ref: (key, { known, what, optional = false }) =>
        check(key, {
          optional,
          ok: (v) => typeof v === "string" && known.has(v),
          rule: `must be the id of a ${what} in the scenario`,
        }),
      objects: (key, optional = false) => {
        const value = item[key];
        if (value === undefined && optional) return [];
        if (!Array.isArray(value)) {
          fail(where(key), optional ? "must be an array" : "is required and must be an array", value);
          return [];
        }
        const located: Located[] = [];
        value.forEach((element: unknown, index) => {
          if (isRecord(element)) located.push({ item: element, path: `${where(key)}[${index}]` });
          else fail(`${where(key)}[${index}]`, "must be an object", element);
        });
        return located;
      },
    };
  };
  return { problems, fail, at };
};
