import { type Attributes, type Span, type SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";

/** What {@link inSpan} starts. */
export interface SpanStart {
  readonly name: string;
  readonly kind: SpanKind;
  readonly attributes?: Attributes;
}

// The OpenTelemetry API is a no-op until the application registers a tracer provider (the gateway does).
const tracer = () => trace.getTracer("@flowdoctor/tickets");

/** Runs `work` with a new span current, ending it after; a thrown error marks the span and is re-thrown. */
export const inSpan = async <TResult>(
  start: SpanStart,
  work: (span: Span) => Promise<TResult>,
): Promise<TResult> =>
  tracer().startActiveSpan(
    start.name,
    { kind: start.kind, ...(start.attributes ? { attributes: start.attributes } : {}) },
    async (span) => {
      try {
        return await work(span);
      } catch (error) {
        span.setStatus({
          code: SpanStatusCode.ERROR,
          message: error instanceof Error ? error.name : "error",
        });
        throw error;
      } finally {
        span.end();
      }
    },
  );
