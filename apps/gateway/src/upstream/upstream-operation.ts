/**
 * A bounded metric label for a platform request: the method and the path with ids replaced,
 * e.g. `GET /v2/flows/:id`. Query strings are dropped.
 */
export const upstreamOperation = (method: string, path: string): string => {
  const bare = (path.split("?")[0] ?? path).replace(/(.)\/+$/, "$1");
  const normalized = bare
    .split("/")
    .map((part) => (/^[0-9a-f]{24}$|^[0-9a-f]{32,40}$|^[0-9a-f-]{36}$|^\d+$/i.test(part) ? ":id" : part))
    .join("/");
  return `${method} ${normalized}`;
};
