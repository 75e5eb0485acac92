/** The codes an inbox operation fails with; the same words as the gateway's GraphQL error codes. */
export type InboxErrorCode = "NOT_FOUND" | "BAD_USER_INPUT";

/**
 * The one error an inbox operation throws for the caller to see; `extensions` holds the code and the `field` at
 * fault (GraphQL copies an error's `extensions` into the response).
 */
export class InboxError extends Error {
  override readonly name = "InboxError";
  readonly code: InboxErrorCode;
  readonly extensions: Readonly<Record<string, unknown>> & { readonly code: InboxErrorCode };

  constructor(code: InboxErrorCode, message: string, details: Readonly<Record<string, unknown>> = {}) {
    super(message);
    this.code = code;
    this.extensions = { ...details, code };
  }
}

/** `BAD_USER_INPUT` naming the field. */
export const badInput = (field: string, message: string): InboxError =>
  new InboxError("BAD_USER_INPUT", `${field}: ${message}`, { field });
