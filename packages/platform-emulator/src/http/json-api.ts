/** A relationship to one resource, with its `self` link. */
export const relationOne = (type: string, id: string, self: string): Record<string, unknown> => ({
  data: { id, type },
  links: { self },
});

/** A single-resource document. */
export const singleDocument = (
  data: unknown,
  self: string,
  included?: readonly unknown[],
): Record<string, unknown> => ({
  data,
  meta: {},
  links: { self },
  ...(included === undefined ? {} : { included }),
});

/** A collection document; `meta` is pagination meta or `{}` for endpoints that do not paginate. */
export const collectionDocument = (
  data: readonly unknown[],
  self: string,
  extra: { readonly meta?: Readonly<Record<string, unknown>>; readonly included?: readonly unknown[] } = {},
): Record<string, unknown> => {
  const { meta = {}, included } = extra;
  return {
    data,
    meta,
    links: { self },
    ...(included === undefined ? {} : { included }),
  };
};

/** Whether `include=` names a relationship (comma-separated list). */
export const includes = (include: string | null, name: string): boolean =>
  (include ?? "")
    .split(",")
    .map((part) => part.trim())
    .includes(name);
