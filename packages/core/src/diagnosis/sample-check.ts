import type { MapperPath } from "./mapper-paths.js";
import { readMapperExpression } from "./mapper-paths.js";

/** How one path fares against a sample. */
export type PathResolution =
  | { readonly status: "present"; readonly values: readonly unknown[] }
  /** No element of the sample has the field at `path[missingAt]`. */
  | { readonly status: "missing"; readonly missingAt: number }
  /** The sample has a primitive where the path needs an object, or a non-number where arithmetic needs one. */
  | {
      readonly status: "type-mismatch";
      readonly at: number;
      readonly expected: string;
      readonly actual: string;
    }
  /** The sample cannot tell (an empty array on the way). */
  | { readonly status: "unknown" };

const typeName = (value: unknown): string =>
  value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
// JSONata flattens arrays while it navigates a path; so do we.
const flatten = (values: readonly unknown[]): unknown[] =>
  values.flatMap((value) => (Array.isArray(value) ? flatten(value) : [value]));

/** Follows a path through a sample the way JSONata navigates (arrays are mapped over). */
export const resolvePath = (sample: unknown, path: MapperPath): PathResolution => {
  let values: unknown[] = [sample];
  for (const [index, field] of path.path.entries()) {
    const items = flatten(values);
    if (items.length === 0) return { status: "unknown" };
    const objects = items.filter(isRecord);
    if (objects.length === 0) {
      const primitive = items.find((item) => item !== null && item !== undefined);
      if (primitive === undefined) return { status: "missing", missingAt: index };
      return { status: "type-mismatch", at: index, expected: "object", actual: typeName(primitive) };
    }
    values = objects.filter((object) => Object.hasOwn(object, field)).map((object) => object[field]);
    if (values.length === 0) return { status: "missing", missingAt: index };
  }
  return checkExpectation(flatten(values), path);
};

const checkExpectation = (values: readonly unknown[], path: MapperPath): PathResolution => {
  if (path.expects !== "number") return { status: "present", values };
  const wrong = values.find((value) => value !== null && typeof value !== "number");
  if (wrong === undefined) return { status: "present", values };
  return { status: "type-mismatch", at: path.path.length, expected: "number", actual: typeName(wrong) };
};

/** One thing the mapper reads that the sample does not have as expected. */
export interface MapperProblem {
  readonly kind: "MISSING_PATH" | "TYPE_MISMATCH" | "PARSE_ERROR";
  /** The field of the next step the expression fills (`a.b` for nested mapper objects), when the mapper is an object. */
  readonly targetField?: string;
  readonly expression: string;
  /** Dotted path into the message, e.g. `body.customer.email`. */
  readonly path?: string;
  readonly detail: string;
}

export interface MapperCheck {
  readonly problems: readonly MapperProblem[];
  /** How many distinct paths were compared with the sample. */
  readonly checkedPaths: number;
  /** Paths the sample could not tell about (an empty array on the way). */
  readonly undecided: readonly string[];
}

interface MapperExpression {
  readonly targetField?: string;
  readonly expression: string;
}

/** The expressions of a mapper: one string, or an object of strings (nested objects name nested fields). */
export const mapperExpressions = (mapper: unknown, prefix = ""): MapperExpression[] => {
  if (typeof mapper === "string")
    return prefix ? [{ targetField: prefix, expression: mapper }] : [{ expression: mapper }];
  if (!isRecord(mapper)) return [];
  return Object.entries(mapper).flatMap(([key, value]) =>
    mapperExpressions(value, prefix ? `${prefix}.${key}` : key),
  );
};

/**
 * Resolves a path against the sample. The platform evaluates mappers against the message body; a sample may hold
 * the body itself or a whole message (`{ body }`), so a path that fails one way is tried the other way too.
 */
const resolveAgainstSample = (sample: unknown, path: MapperPath): PathResolution => {
  const direct = resolvePath(sample, path);
  if (direct.status === "present" || direct.status === "unknown") return direct;
  const [first, ...rest] = path.path;
  if (isRecord(sample) && isRecord(sample.body) && first !== "body") {
    const inBody = resolvePath(sample.body, path);
    if (inBody.status === "present" || inBody.status === "unknown") return inBody;
  }
  if (first === "body" && rest.length > 0 && !(isRecord(sample) && Object.hasOwn(sample, "body"))) {
    const shifted = resolvePath(sample, { ...path, path: rest });
    if (shifted.status === "present" || shifted.status === "unknown") return shifted;
  }
  return direct;
};

const describe = (path: MapperPath, resolution: PathResolution): string | undefined => {
  const dotted = path.path.join(".");
  switch (resolution.status) {
    case "present":
    case "unknown":
      return undefined;
    case "missing":
      return `the sample has no "${path.path.slice(0, resolution.missingAt + 1).join(".")}" (the mapper reads ${dotted})`;
    case "type-mismatch":
      return `the mapper needs ${resolution.expected === "number" ? "a number" : "an object"} at "${path.path.slice(0, resolution.at).join(".") || "the root"}" but the sample has ${resolution.actual}`;
    default: {
      const unreachable: never = resolution;
      return unreachable;
    }
  }
};

/** Compares every path a mapper reads with the data sample of the step that feeds it. */
export const checkMapperAgainstSample = (mapper: unknown, sample: unknown): MapperCheck => {
  const problems: MapperProblem[] = [];
  const undecided = new Set<string>();
  const checked = new Set<string>();
  for (const { targetField, expression } of mapperExpressions(mapper)) {
    const target = targetField === undefined ? {} : { targetField };
    const read = readMapperExpression(expression);
    if (!read.ok) {
      problems.push({ kind: "PARSE_ERROR", ...target, expression, detail: `${read.code}: ${read.message}` });
      continue;
    }
    for (const path of read.paths) {
      const dotted = path.path.join(".");
      checked.add(dotted);
      const resolution = resolveAgainstSample(sample, path);
      if (resolution.status === "unknown") undecided.add(dotted);
      const detail = describe(path, resolution);
      if (detail === undefined) continue;
      const kind = resolution.status === "missing" ? "MISSING_PATH" : "TYPE_MISMATCH";
      problems.push({ kind, ...target, expression, path: dotted, detail });
    }
  }
  return { problems, checkedPaths: checked.size, undecided: [...undecided] };
};
