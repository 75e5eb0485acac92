import { isPlatformError, PlatformError } from "@flowdoctor/platform-client";
import type { ErrorCode } from "../errors.js";
import { codeOfUpstreamError } from "../graphql/upstream-error-code.js";

/** The platform's collections by path segment, as a message names them. */
const RESOURCES: Readonly<Record<string, string>> = {
  contracts: "contract",
  workspaces: "workspace",
  workspace: "workspace",
  flows: "flow",
  users: "user",
  components: "component",
  credentials: "credential",
  "data-samples": "data sample",
  queues: "flow",
};
/** Query parameters that name the resource a listing belongs to. */
const OWNERS: Readonly<Record<string, string>> = { workspace_id: "workspace", contract_id: "contract" };
// Only ids shaped like the platform's (hex ids, UUIDs, hashes) are echoed, never odd input.
const PLAIN_ID = /^[\w-]{1,64}$/;

/** What a platform request was about: a resource (`flow 5f…`), or a listing of one (`the logs of workspace 5f…`). */
interface Subject {
  readonly noun: string;
  readonly id: string | undefined;
  /** What of the resource was asked for, e.g. `logs` or `members`; absent for the resource itself. */
  readonly part: string | undefined;
}

const plainId = (raw: string | null | undefined): string | undefined => {
  if (raw == null) return undefined;
  let id = raw;
  try {
    id = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  return PLAIN_ID.test(id) ? id : undefined;
};

const resourceSubject = (segments: readonly string[]): Subject | undefined => {
  for (let index = segments.length - 2; index >= 0; index -= 1) {
    const noun = RESOURCES[segments[index] as string];
    const id = segments[index + 1] as string;
    if (noun === undefined || RESOURCES[id] !== undefined) continue;
    const rest = segments.slice(index + 2).filter((segment) => RESOURCES[segment] === undefined);
    return { noun, id: id === "me" ? undefined : plainId(id), part: rest[0] };
  }
  return undefined;
};

const listingSubject = (segments: readonly string[], query: URLSearchParams): Subject | undefined => {
  const part = segments.at(-1);
  for (const [parameter, noun] of Object.entries(OWNERS)) {
    if (query.has(parameter)) return { noun, id: plainId(query.get(parameter)), part };
  }
  return undefined;
};

const subjectOf = (path: string): Subject | undefined => {
  const [pathname = "", search = ""] = path.split("?");
  const segments = pathname.split("/").filter((segment) => segment !== "" && segment !== "v2");
  return resourceSubject(segments) ?? listingSubject(segments, new URLSearchParams(search));
};

const named = (subject: Subject): string =>
  subject.id === undefined ? `the ${subject.noun}` : `${subject.noun} ${subject.id}`;

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

const whatOf = (subject: Subject): string =>
  subject.part === undefined ? named(subject) : `the ${subject.part} of ${named(subject)}`;

const notFound = (subject: Subject | undefined): string =>
  subject === undefined
    ? "What was asked for was not found on the platform or is not visible to you."
    : `${capitalised(named(subject))} was not found or is not visible to you.`;

const forbidden = (subject: Subject | undefined, method: string | undefined): string => {
  if (subject === undefined) return "The platform does not let you do this.";
  const verb = method === undefined || method === "GET" ? "read" : "change";
  return `You may not ${verb} ${whatOf(subject)}: the platform denies it.`;
};

const requestOf = (error: unknown): { method?: string; path?: string; detail?: string } =>
  isPlatformError(error)
    ? {
        ...(error.method === undefined ? {} : { method: error.method }),
        ...(error.path === undefined ? {} : { path: error.path }),
        ...(error.detail === undefined ? {} : { detail: error.detail }),
      }
    : {};

const FIXED_MESSAGES: Partial<Record<ErrorCode, string>> = {
  UNAUTHENTICATED: "The platform rejected these credentials (e-mail or API key).",
  UPSTREAM_UNAVAILABLE: "The platform could not be reached or failed; try again later.",
  UPSTREAM_TIMEOUT: "The platform did not answer in time; try again later.",
  RATE_LIMITED: "The platform is rate limiting requests; slow down and try again later.",
};

/**
 * What a caller is told about a failed platform request, with no REST path in it: what was not found or may not be
 * read, by kind and id ("Flow 5f… was not found or is not visible to you."), or what to do about an outage.
 */
export const describeUpstreamError = (error: unknown, code: ErrorCode): string => {
  const { method, path, detail } = requestOf(error);
  const subject = path === undefined ? undefined : subjectOf(path);
  if (code === "NOT_FOUND") return notFound(subject);
  if (code === "FORBIDDEN") return forbidden(subject, method);
  if (code === "BAD_USER_INPUT")
    return `The platform refused the request as invalid${detail === undefined ? "" : `: ${detail}`}.`;
  return FIXED_MESSAGES[code] ?? "The platform could not answer this request.";
};

/**
 * The same platform error with a message fit for callers (see {@link describeUpstreamError}), for errors that end up
 * as text in answers (a diagnosis check's note) rather than through `formatError`. Other errors pass unchanged.
 */
export const withPublicMessage = (error: unknown): unknown => {
  const code = codeOfUpstreamError(error);
  if (!isPlatformError(error) || code === undefined) return error;
  return new PlatformError(error.code, describeUpstreamError(error, code), {
    ...requestOf(error),
    ...(error.status === undefined ? {} : { status: error.status }),
    cause: error,
  });
};
