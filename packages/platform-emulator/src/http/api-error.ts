/** An error answer of the API, rendered as the platform's error envelope. Thrown by handlers, caught by the server. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly status: number;
  readonly title: string;
  readonly parameter?: string;
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    status: number,
    detail: string,
    options: { title?: string; parameter?: string; headers?: Record<string, string> } = {},
  ) {
    super(detail);
    this.status = status;
    this.title = options.title ?? TITLES[status] ?? "Error";
    if (options.parameter !== undefined) this.parameter = options.parameter;
    this.headers = options.headers ?? {};
  }
}

const TITLES: Readonly<Record<number, string>> = {
  400: "Bad argument error",
  401: "Unauthorized",
  403: "Error",
  404: "Resource not found",
  405: "Method not allowed",
  406: "Not acceptable",
  409: "Conflict",
  429: "Too many requests",
  500: "Internal server error",
  502: "Bad gateway",
  503: "Service unavailable",
};

/** The platform's error envelope (OpenAPI draft `errors-sch.yaml`): `code` for 403/404/409, `source` naming the parameter. */
export const errorEnvelope = (error: ApiError): { errors: Record<string, unknown>[] } => {
  const item: Record<string, unknown> = { status: error.status, title: error.title, detail: error.message };
  if (error.status === 403 || error.status === 404 || error.status === 409) item.code = error.status;
  if (error.parameter !== undefined) item.source = { parameter: { id: error.parameter } };
  return { errors: [item] };
};

/** 400 naming the parameter at fault. */
export const badRequest = (detail: string, parameter?: string): ApiError =>
  new ApiError(400, detail, parameter === undefined ? {} : { parameter });

/** 404 for a resource the user cannot see or that does not exist. */
export const notFound = (what: string, id: string): ApiError =>
  new ApiError(404, `${what} ${id} not found`, { parameter: id });

/** 403 for a missing permission, in the platform's words. */
export const forbidden = (): ApiError => new ApiError(403, "You need a permission to access this resource.");
