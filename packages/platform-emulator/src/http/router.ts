import type { ScenarioUser } from "../scenario/scenario.js";
import type { EmulatorState } from "../server/emulator-state.js";
import type { Query } from "./query.js";

/** Methods the router knows. */
export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/** What a handler gets: the authenticated user, path parameters, query, parsed JSON body, the emulator's clock. */
export interface RequestContext {
  readonly state: EmulatorState;
  readonly user: ScenarioUser;
  readonly params: Readonly<Record<string, string>>;
  readonly query: Query;
  readonly body: unknown;
  /** The emulator's "now", in epoch milliseconds. */
  readonly now: () => number;
  /** The emulator's base URL, for absolute `Location` headers. */
  readonly baseUrl: string;
}

/** What a handler answers; `after` runs once the body is serialised (asynchronous state changes). */
export interface ApiResponse {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  readonly after?: () => void;
}

/** Answers one request; throws `ApiError` for error answers. */
export type Handler = (context: RequestContext) => ApiResponse;

/** A method and path pattern with its handler. */
export interface Route {
  readonly method: HttpMethod;
  /** Segments after `/v2`, `:name` for a parameter, e.g. `/flows/:flowId/start`. */
  readonly pattern: string;
  readonly handler: Handler;
}

interface CompiledRoute extends Route {
  readonly segments: readonly string[];
}

/** What the router found for a method and path. */
export type RouteMatch =
  | { readonly kind: "found"; readonly route: Route; readonly params: Record<string, string> }
  | { readonly kind: "method-not-allowed"; readonly allowed: readonly HttpMethod[] }
  | { readonly kind: "not-found" };

const splitPath = (path: string): string[] => path.split("/").filter((segment) => segment !== "");

/** A path segment decoded; malformed percent-encoding matches no resource rather than failing the request. */
const decodeSegment = (segment: string): string => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

const matchSegments = (
  pattern: readonly string[],
  actual: readonly string[],
): Record<string, string> | undefined => {
  if (pattern.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of pattern.entries()) {
    const value = actual[index] as string;
    if (part.startsWith(":")) params[part.slice(1)] = decodeSegment(value);
    else if (part !== value) return undefined;
  }
  return params;
};

/** A router over `/v2` paths; trailing slashes are ignored, literal segments win over parameters. */
export const createRouter = (routes: readonly Route[]): ((method: string, path: string) => RouteMatch) => {
  const literalCount = (route: CompiledRoute): number =>
    route.segments.filter((s) => !s.startsWith(":")).length;
  const compiled: CompiledRoute[] = routes
    .map((route) => ({ ...route, segments: ["v2", ...splitPath(route.pattern)] }))
    .sort((a, b) => literalCount(b) - literalCount(a));
  return (method, path) => {
    const actual = splitPath(path);
    const allowed: HttpMethod[] = [];
    for (const route of compiled) {
      const params = matchSegments(route.segments, actual);
      if (!params) continue;
      if (route.method === method) return { kind: "found", route, params };
      if (!allowed.includes(route.method)) allowed.push(route.method);
    }
    return allowed.length > 0 ? { kind: "method-not-allowed", allowed } : { kind: "not-found" };
  };
};
