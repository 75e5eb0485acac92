import type { DocumentTypeDecoration } from "@graphql-typed-document-node/core";
import type { FlowdoctorResult } from "./graphql/read-response.js";

/** Per-call options. */
export interface CallOptions {
  /** Aborts the call; it then rejects with `ABORTED`. */
  readonly signal?: AbortSignal;
  /** Overrides the client's `timeoutMs` for this call. */
  readonly timeoutMs?: number;
  /** Extra headers for this call only. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** A typed document the client can send: the SDK's generated documents, or one's own `TypedDocumentString`. */
export type Document<TData, TVariables> = DocumentTypeDecoration<TData, TVariables> & { toString(): string };

/** The variables argument, optional when the operation has no required variable. */
export type VariablesArgs<TVariables> =
  Record<string, never> extends TVariables
    ? [variables?: TVariables, options?: CallOptions]
    : [variables: TVariables, options?: CallOptions];

/** A method that runs one operation and resolves to its top-level field, with any partial errors. */
export type OperationMethod<TData, TVariables, TField extends keyof TData> = (
  ...args: VariablesArgs<TVariables>
) => Promise<FlowdoctorResult<NonNullable<TData[TField]>>>;

/** The node type of a connection field of an operation's result. */
export type NodeOf<TData, TField extends keyof TData> =
  NonNullable<TData[TField]> extends { readonly nodes: readonly (infer TNode)[] } ? TNode : never;

/** A walker: yields every node of a connection, all pages, for the variables (without `after`). */
export type PageWalker<TData, TVariables, TField extends keyof TData> = (
  ...args: VariablesArgs<Omit<TVariables, "after">>
) => AsyncGenerator<NodeOf<TData, TField>, void, undefined>;
