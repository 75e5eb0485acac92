/**
 * What graphql-codegen writes beside each generated operation document (its `__meta__`), so the client knows
 * an operation without parsing GraphQL at run time. Built by `scripts/operation-metadata.ts` at codegen time.
 */
export interface OperationMetadata {
  readonly operationName: string;
  readonly operationType: "query" | "mutation" | "subscription";
  /** The operation's variables in order, `required` when non-null without a default. */
  readonly variables: readonly OperationVariable[];
  /** The response keys of the top-level selection (alias or field name, through fragments). */
  readonly rootFields: readonly string[];
}

/** One variable of an operation, e.g. `{ name: "after", type: "String", required: false }`. */
export interface OperationVariable {
  readonly name: string;
  readonly type: string;
  readonly required: boolean;
}

/** What the client needs to know about a document before sending it. */
export interface OperationInfo {
  /**
   * `query` is retried on network errors and 502/503/504. A document without metadata counts as a mutation,
   * which is never retried: the safe side.
   */
  readonly kind: OperationMetadata["operationType"];
  readonly name: string | undefined;
  /** Variable names when the document has metadata; `undefined` when it is not known. */
  readonly variableNames: ReadonlySet<string> | undefined;
  /** `{"query":"…"` — the start of the request body, serialized once per document. */
  readonly bodyPrefix: string;
}

const OPERATION_TYPES: ReadonlySet<string> = new Set(["query", "mutation", "subscription"]);

const metadataOf = (document: object): Partial<OperationMetadata> => {
  const meta = (document as { __meta__?: unknown }).__meta__;
  return typeof meta === "object" && meta !== null ? (meta as Partial<OperationMetadata>) : {};
};

const readInfo = (document: string | { toString(): string }): OperationInfo => {
  const meta = typeof document === "object" ? metadataOf(document) : {};
  const kind = meta.operationType;
  return {
    kind: typeof kind === "string" && OPERATION_TYPES.has(kind) ? kind : "mutation",
    name: typeof meta.operationName === "string" ? meta.operationName : undefined,
    variableNames: Array.isArray(meta.variables)
      ? new Set(meta.variables.map((variable) => variable.name))
      : undefined,
    bodyPrefix: `{"query":${JSON.stringify(document.toString())}`,
  };
};

const cache = new WeakMap<object, OperationInfo>();

/**
 * Reads (once per document object) the operation's kind, name and variables from its generated metadata
 * (`__meta__`, also accepted on one's own `TypedDocumentString`) and pre-serializes its text.
 */
export const operationInfo = (document: string | { toString(): string }): OperationInfo => {
  if (typeof document !== "object") return readInfo(document);
  let info = cache.get(document);
  if (!info) {
    info = readInfo(document);
    cache.set(document, info);
  }
  return info;
};
