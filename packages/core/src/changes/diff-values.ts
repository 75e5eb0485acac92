/** A value inside a nested object or array by its dotted path (`a.b[2].c`), leaves only. */
export type Leaves = ReadonlyMap<string, unknown>;

const join = (prefix: string, key: string): string => (prefix === "" ? key : `${prefix}.${key}`);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The leaves of a JSON value by path; an empty object or array counts as one leaf. */
export const leavesOf = (value: unknown, prefix = ""): Leaves => {
  const leaves = new Map<string, unknown>();
  const visit = (current: unknown, path: string): void => {
    if (Array.isArray(current) && current.length > 0) {
      current.forEach((item, index) => {
        visit(item, `${path}[${index}]`);
      });
      return;
    }
    if (isPlainObject(current) && Object.keys(current).length > 0) {
      for (const [key, item] of Object.entries(current)) visit(item, join(path, key));
      return;
    }
    leaves.set(path, current);
  };
  visit(value, prefix);
  return leaves;
};

/** One leaf that differs: absent `before` means added, absent `after` means removed. */
export interface LeafChange {
  readonly path: string;
  readonly before?: unknown;
  readonly after?: unknown;
  readonly added: boolean;
  readonly removed: boolean;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The leaves that were added, removed or changed between two JSON values, in the new value's order. */
export const diffValues = (before: unknown, after: unknown, prefix = ""): LeafChange[] => {
  const old = leavesOf(before, prefix);
  const next = leavesOf(after, prefix);
  const changes: LeafChange[] = [];
  for (const [path, value] of next) {
    if (!old.has(path)) changes.push({ path, after: value, added: true, removed: false });
    else if (!same(old.get(path), value))
      changes.push({ path, before: old.get(path), after: value, added: false, removed: false });
  }
  for (const [path, value] of old) {
    if (!next.has(path)) changes.push({ path, before: value, added: false, removed: true });
  }
  return changes;
};
