import { type Client, createClient } from "graphql-ws";
import { FlowdoctorError } from "../errors.js";
import type * as G from "../generated/index.js";
import { ErrorGroupEventsDocument } from "../generated/index.js";
import { operationInfo } from "../graphql/operation-metadata.js";
import { toError } from "../graphql/read-response.js";

/** Options of one subscription. */
export interface SubscribeOptions {
  /** Ends the subscription (the iterator finishes) when aborted. */
  readonly signal?: AbortSignal;
}

/** A subscription as an async iterator: `for await (const event of …)`; `break` or `return()` ends it. */
export type Subscription<TItem> = AsyncIterableIterator<TItem>;

/** The client's typed subscriptions, one per `Subscription` field of the gateway. */
export interface FlowdoctorSubscriptions {
  /**
   * The error-group events of a workspace from now on (NEW, REGRESSED, ESCALATING, SNOOZE_ENDED,
   * STATE_CHANGED), each once; with `after` (an event's `id`), the events stored since it come first. Rejects the
   * iterator with `UNAUTHENTICATED` or `FORBIDDEN` as the queries do. After a dropped connection the client
   * reconnects and resumes after the last event it handed out, so nothing stored meanwhile is missed or repeated
   * (within the inbox's retention).
   */
  errorGroupEvents(
    variables: G.ErrorGroupEventsSubscriptionVariables,
    options?: SubscribeOptions,
  ): Subscription<G.ErrorGroupEventsSubscription["errorGroupEvents"]>;
}

/** Item ids a resumable subscription remembers, to drop what a resume replays twice. */
const MAX_REMEMBERED = 10_000;

/** What the WebSocket transport needs from the client's options. */
export interface LiveTransportOptions {
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  /** A WebSocket constructor; the global one when absent. */
  readonly webSocket: unknown;
  readonly reconnectAttempts: number;
}

const webSocketUrl = (url: URL): string => {
  const ws = new URL(url.href);
  ws.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  return ws.href;
};

/** What ended a subscription, as a {@link FlowdoctorError}: the gateway's refusal or the connection's end. */
const failureOf = (reason: unknown, operationName: string): FlowdoctorError => {
  if (Array.isArray(reason) && reason.length > 0) return toError(reason[0], undefined, operationName);
  const close = reason as { code?: unknown; reason?: unknown } | undefined;
  if (typeof close?.code === "number")
    return new FlowdoctorError(
      close.code === 4429 ? "RATE_LIMITED" : "NETWORK_ERROR",
      `the live connection closed (${close.code}${typeof close.reason === "string" && close.reason !== "" ? `: ${close.reason}` : ""})`,
      { operationName },
    );
  return new FlowdoctorError("NETWORK_ERROR", `the live connection failed: ${String(reason)}`, {
    operationName,
    cause: reason,
  });
};

/** The WebSocket side of a client: one `graphql-ws` connection, opened with the first subscription. */
export const createSubscriptions = (options: LiveTransportOptions) => {
  let client: Client | undefined;
  const connect = (): Client => {
    const webSocketImpl = options.webSocket ?? (globalThis as { WebSocket?: unknown }).WebSocket;
    if (typeof webSocketImpl !== "function")
      throw new FlowdoctorError(
        "INVALID_OPTION",
        "webSocket must be given for subscriptions: this runtime has no global WebSocket (pass the ws package's WebSocket)",
      );
    const authorization = options.headers.authorization;
    client ??= createClient({
      url: webSocketUrl(options.url),
      webSocketImpl,
      connectionParams: authorization === undefined ? {} : { authorization },
      retryAttempts: options.reconnectAttempts,
      // Any drop but a refusal (graphql-ws treats those as fatal before asking).
      shouldRetry: () => true,
      lazy: true,
    });
    return client;
  };

  const iterate = <TData, TItem>(
    document: { toString(): string },
    field: keyof TData,
    variables: unknown,
    subscribeOptions: SubscribeOptions = {},
    resumeAfter?: (item: TItem) => string,
  ): Subscription<TItem> => {
    const name = operationInfo(document).name ?? String(field);
    // graphql-ws sends this same request again after a reconnect: its `after` moves with each item handed out.
    const request = {
      query: document.toString(),
      operationName: name,
      variables: { ...(variables as object) },
    };
    const results = connect().iterate<TData>(request);
    const handedOut = new Set<string>();
    // graphql-ws's own return() leaves a pending next() waiting forever; this settles it.
    let stop: () => void = () => undefined;
    const stopped = new Promise<{ done: true; value: undefined }>((resolve) => {
      stop = () => resolve({ done: true, value: undefined });
    });
    const end = () => {
      stop();
      void results.return?.();
    };
    subscribeOptions.signal?.addEventListener("abort", end, { once: true });
    if (subscribeOptions.signal?.aborted) end();
    const iterator: Subscription<TItem> = {
      next: async () => {
        let result: Awaited<ReturnType<typeof results.next>>;
        try {
          result = await Promise.race([results.next(), stopped]);
        } catch (reason) {
          throw failureOf(reason, name);
        }
        if (result.done) return { done: true, value: undefined };
        const { data, errors } = result.value;
        if (errors !== undefined && errors.length > 0) throw failureOf(errors, name);
        const item = (data as TData)[field] as TItem;
        if (resumeAfter !== undefined) {
          // A resumed subscription may replay what was still on its way when the connection dropped.
          const id = resumeAfter(item);
          if (handedOut.has(id)) return iterator.next();
          if (handedOut.size >= MAX_REMEMBERED) handedOut.clear();
          handedOut.add(id);
          (request.variables as { after?: string }).after = id;
        }
        return { done: false, value: item };
      },
      return: async () => {
        subscribeOptions.signal?.removeEventListener("abort", end);
        end();
        return { done: true, value: undefined };
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  };

  const subscriptions: FlowdoctorSubscriptions = {
    errorGroupEvents: (variables, subscribeOptions) =>
      iterate(ErrorGroupEventsDocument, "errorGroupEvents", variables, subscribeOptions, (event) => event.id),
  };
  return {
    subscriptions,
    close: async () => {
      await client?.dispose();
      client = undefined;
    },
  };
};

/** The document behind each subscription; a subscription's name is its top-level field. */
export const SUBSCRIPTION_DOCUMENTS: { readonly [TName in keyof FlowdoctorSubscriptions]: object } = {
  errorGroupEvents: ErrorGroupEventsDocument,
};
