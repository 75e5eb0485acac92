import {
  type Attributes,
  context,
  propagation,
  ROOT_CONTEXT,
  type Span,
  type SpanKind,
  SpanStatusCode,
  trace,
} from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import {
  BatchSpanProcessor,
  ConsoleSpanExporter,
  NodeTracerProvider,
  SimpleSpanProcessor,
  type SpanProcessor,
} from "@opentelemetry/sdk-trace-node";
import { GATEWAY_VERSION } from "../version.js";

/** Where spans go (`OTEL_TRACES_EXPORTER`); `none`, the default, turns tracing off. */
export const TRACES_EXPORTERS = ["none", "console", "otlp"] as const;
export type TracesExporter = (typeof TRACES_EXPORTERS)[number];

/** Tracing as the standard `OTEL_*` variables configure it. */
export interface TracingConfig {
  /** Empty: tracing is off and costs a no-op call per span. @default [] (`OTEL_TRACES_EXPORTER`) */
  readonly exporters: readonly Exclude<TracesExporter, "none">[];
  /** @default "flowdoctor-gateway" (`OTEL_SERVICE_NAME`) */
  readonly serviceName: string;
}

/** A started tracer provider. */
export interface Tracing {
  /** Sends the spans still buffered, then stops. */
  shutdown(): Promise<void>;
}

const TRACER_NAME = "@flowdoctor/gateway";

const processorFor = (exporter: Exclude<TracesExporter, "none">): SpanProcessor =>
  exporter === "console"
    ? new SimpleSpanProcessor(new ConsoleSpanExporter())
    : // The OTLP exporter reads OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT, _HEADERS and _TIMEOUT itself.
      new BatchSpanProcessor(new OTLPTraceExporter());

/**
 * Registers the process's tracer provider (W3C trace context, async-hooks context) with the configured exporters,
 * or `processors` given directly (tests). Answers undefined, registering nothing, when tracing is off.
 */
export const startTracing = (
  config: TracingConfig,
  processors: readonly SpanProcessor[] = config.exporters.map(processorFor),
): Tracing | undefined => {
  if (processors.length === 0) return undefined;
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({
      "service.name": config.serviceName,
      "service.version": GATEWAY_VERSION,
    }),
    spanProcessors: [...processors],
  });
  provider.register();
  return { shutdown: () => provider.shutdown() };
};

/** The gateway's tracer: a no-op until {@link startTracing} registers a provider. */
export const gatewayTracer = () => trace.getTracer(TRACER_NAME, GATEWAY_VERSION);

/** The active trace's `traceparent` (and `tracestate`) to send on; empty when nothing is traced. */
export const traceHeaders = (): Record<string, string> => {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier;
};

/** The trace and span id of the active span, for log lines; empty when nothing is traced. */
export const activeTraceIds = (): { traceId?: string; spanId?: string } => {
  const span = trace.getActiveSpan();
  if (span === undefined || !span.isRecording()) return {};
  const { traceId, spanId } = span.spanContext();
  return { traceId, spanId };
};

/** The context of a caller's `traceparent`, so the gateway's spans join the caller's trace. */
export const contextOfHeaders = (headers: Record<string, unknown>) =>
  propagation.extract(ROOT_CONTEXT, headers);

/** What {@link inSpan} starts. */
export interface SpanStart {
  readonly name: string;
  readonly kind: SpanKind;
  readonly attributes?: Attributes;
}

/** Runs `work` with a new span current, ending it after; a thrown error marks the span and is re-thrown. */
export const inSpan = async <TResult>(
  start: SpanStart,
  work: (span: Span) => Promise<TResult>,
): Promise<TResult> =>
  gatewayTracer().startActiveSpan(
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
