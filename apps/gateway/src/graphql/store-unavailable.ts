/** SQLSTATE codes of a database that is gone or going: connection exceptions (class 08), shutdowns, no slots left. */
const UNAVAILABLE_SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);
/** Network errors of a socket to the database. */
const NETWORK_ERRNOS = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
]);
/** node-postgres's own words for a connection that broke or never came (it sets no code on them). */
const CONNECTION_LOST =
  /^(?:Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect|Cannot use a pool after calling end)/;

const isUnavailableError = (error: object): boolean => {
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === "string" && (code.startsWith("08") || UNAVAILABLE_SQLSTATES.has(code))) return true;
  if (typeof code === "string" && NETWORK_ERRNOS.has(code)) return true;
  return typeof message === "string" && CONNECTION_LOST.test(message);
};

/**
 * Whether an error means the database was out of reach (down, restarting, refusing connections), looking through
 * the causes an ORM wraps it in. Platform errors never get here: the platform client gives its own codes. Network
 * errors of other sockets a request opens (none today) would read as the store's.
 */
export const isStoreUnavailable = (error: unknown): boolean => {
  let current = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth += 1) {
    if (isUnavailableError(current)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
};
