import { useEffect, useState } from "react";

/** The console's views; each keeps its state in the address (`#/inbox?workspace=…`), so links and Back work. */
export const VIEWS = ["login", "inbox", "health", "diagnosis", "ticket", "graphiql"] as const;
export type View = (typeof VIEWS)[number];

/** Where the console is: a view and its parameters. */
export interface Route {
  readonly view: View;
  readonly params: Readonly<Record<string, string>>;
}

/** Reads a route from a location hash such as `#/diagnosis?flow=abc&group=def`. */
export const parseRoute = (hash: string): Route => {
  const [path = "", search = ""] = hash.replace(/^#\/?/, "").split("?");
  const view = (VIEWS as readonly string[]).includes(path) ? (path as View) : "login";
  return { view, params: Object.fromEntries(new URLSearchParams(search)) };
};

/** The hash of a route; parameters without a value are left out. */
export const hashOf = (view: View, params: Readonly<Record<string, string | undefined>> = {}): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const query = search.toString();
  return `#/${view}${query ? `?${query}` : ""}`;
};

/** Goes to a route (adds a history entry). */
export const navigate = (view: View, params: Readonly<Record<string, string | undefined>> = {}): void => {
  window.location.hash = hashOf(view, params);
};

/** The current route, following the address. */
export const useRoute = (): Route => {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener("hashchange", update);
    return () => window.removeEventListener("hashchange", update);
  }, []);
  return route;
};
