/** What the client needs to know about a document before sending it. */
export interface OperationInfo {
  /** `query` is retried on network errors and 502/503/504; `mutation` and `subscription` never are. */
  readonly kind: "query" | "mutation" | "subscription";
  readonly name: string | undefined;
  /** `{"query":"…"` — the start of the request body, serialized once per document. */
  readonly bodyPrefix: string;
}

const KEYWORDS = new Set(["query", "mutation", "subscription"]);

/** Drops comments and string contents, so braces and keywords inside them do not count. */
const withoutCommentsAndStrings = (source: string): string =>
  source.replace(/"""[\s\S]*?"""|"(?:[^"\\\n]|\\.)*"|#[^\n]*/g, " ");

/** The first operation definition's keyword and name; a document starting with `{` is a query. */
const findOperation = (source: string): Pick<OperationInfo, "kind" | "name"> => {
  const text = withoutCommentsAndStrings(source);
  let depth = 0;
  let isFragment = false;
  for (const token of text.matchAll(/[{}]|[_A-Za-z][_0-9A-Za-z]*/g)) {
    const value = token[0];
    if (value === "{") {
      if (depth === 0 && !isFragment) return { kind: "query", name: undefined };
      depth++;
    } else if (value === "}") {
      depth--;
      if (depth === 0) isFragment = false;
    } else if (depth === 0 && value === "fragment") {
      isFragment = true;
    } else if (depth === 0 && !isFragment && KEYWORDS.has(value)) {
      const rest = text.slice(token.index + value.length);
      return { kind: value as OperationInfo["kind"], name: /^\s*([_A-Za-z][_0-9A-Za-z]*)/.exec(rest)?.[1] };
    }
  }
  // Unknown shapes are treated as mutations, which are never retried: the safe side.
  return { kind: "mutation", name: undefined };
};

const cache = new WeakMap<object, OperationInfo>();

/** Reads (once per document object) the operation's kind and name and pre-serializes its text. */
export const operationInfo = (document: string | { toString(): string }): OperationInfo => {
  const cached = typeof document === "object" ? cache.get(document) : undefined;
  if (cached) return cached;
  const source = document.toString();
  const info: OperationInfo = { ...findOperation(source), bodyPrefix: `{"query":${JSON.stringify(source)}` };
  if (typeof document === "object") cache.set(document, info);
  return info;
};
