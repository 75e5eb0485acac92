import type {
  FlowEdge,
  FlowEdgeConfig,
  FlowGraph,
  FlowNode,
  NodeConfig,
  StepLogLevel,
} from "@flowdoctor/core";
import { fail } from "./decode-issue.js";
import {
  asArray,
  asObject,
  isObject,
  type JsonObject,
  readOptionalBoolean,
  readOptionalEnum,
  readOptionalNumber,
  readOptionalObject,
  readOptionalString,
  readString,
} from "./read.js";

type Writable<T> = { -readonly [K in keyof T]: T[K] };

const LOG_LEVELS: readonly StepLogLevel[] = ["trace", "debug", "info", "warn", "error", "fatal"];

const readIdList = (object: JsonObject, key: string, at: string): readonly string[] | undefined => {
  const value = object[key];
  if (value === undefined || value === null) return undefined;
  const list = asArray(value, `${at}.${key}`);
  for (const [index, item] of list.entries())
    if (typeof item !== "string") fail(`${at}.${key}[${index}]`, "a string", item);
  return list as readonly string[];
};

/** Decodes one graph node (snake_case) into a core `FlowNode`. */
export const decodeNode = (value: unknown, at: string): FlowNode => {
  const n = asObject(value, at);
  const node: Writable<FlowNode> = {
    id: readString(n, "id", at),
    componentId: readString(n, "component_id", at),
    command: readString(n, "command", at),
    name: readOptionalString(n, "name", at) ?? "",
  };
  const description = readOptionalString(n, "description", at);
  if (description !== undefined) node.description = description;
  const fields = readOptionalObject(n, "fields", at);
  if (fields !== undefined) node.fields = fields;
  const credentialsId = readOptionalString(n, "credentials_id", at);
  if (credentialsId !== undefined) node.credentialsId = credentialsId;
  const secretId = readOptionalString(n, "secret_id", at);
  if (secretId !== undefined) node.secretId = secretId;
  const vpnAgentId = readOptionalString(n, "vpn_agent_id", at);
  if (vpnAgentId !== undefined) node.vpnAgentId = vpnAgentId;
  const samples = readIdList(n, "selected_data_samples", at);
  if (samples !== undefined) node.selectedDataSamples = samples;
  if (readOptionalBoolean(n, "error", at) === true) node.isErrorHandler = true;
  return node;
};

const decodeEdgeConfig = (value: JsonObject, at: string): FlowEdgeConfig => {
  const config: Writable<FlowEdgeConfig> = {};
  const mapperType = readOptionalString(value, "mapper_type", at);
  if (mapperType !== undefined) config.mapperType = mapperType;
  const mapper = value.mapper;
  if (typeof mapper === "string" || isObject(mapper)) config.mapper = mapper;
  else if (mapper !== undefined && mapper !== null)
    fail(`${at}.mapper`, "an object, a string or missing", mapper);
  if (value.condition === null) config.condition = null;
  else {
    const condition = readOptionalString(value, "condition", at);
    if (condition !== undefined) config.condition = condition;
  }
  if (readOptionalBoolean(value, "error", at) === true) config.isErrorRoute = true;
  return config;
};

/** Decodes one graph edge into a core `FlowEdge`; `source: null` marks the error-handler edge. */
export const decodeEdge = (value: unknown, at: string): FlowEdge => {
  const e = asObject(value, at);
  const source = e.source === null ? null : readString(e, "source", at);
  const edge: Writable<FlowEdge> = { source, target: readString(e, "target", at) };
  const id = readOptionalString(e, "id", at);
  if (id !== undefined) edge.id = id;
  const config = readOptionalObject(e, "config", at);
  if (config !== undefined) edge.config = decodeEdgeConfig(config, `${at}.config`);
  return edge;
};

/** Decodes `graph: { nodes, edges }`. */
export const decodeGraph = (value: unknown, at: string): FlowGraph => {
  const g = asObject(value, at);
  const nodes = asArray(g.nodes ?? [], `${at}.nodes`).map((node, index) =>
    decodeNode(node, `${at}.nodes[${index}]`),
  );
  const edges = asArray(g.edges ?? [], `${at}.edges`).map((edge, index) =>
    decodeEdge(edge, `${at}.edges[${index}]`),
  );
  return { nodes, edges };
};

const decodeNodeConfig = (value: unknown, at: string): NodeConfig => {
  const c = asObject(value, at);
  const config: Writable<NodeConfig> = {};
  const prefetch = readOptionalNumber(c, "prefetch", at);
  if (prefetch !== undefined) config.prefetch = prefetch;
  const replicas = readOptionalNumber(c, "replicas", at);
  if (replicas !== undefined) config.replicas = replicas;
  const passthrough = readOptionalObject(c, "passthrough", at);
  const disabled = passthrough && readOptionalBoolean(passthrough, "disabled", `${at}.passthrough`);
  if (disabled !== undefined) config.passthroughDisabled = disabled;
  const logLevel = readOptionalEnum(c, "log_level", LOG_LEVELS, at);
  if (logLevel !== undefined) config.logLevel = logLevel;
  const dfc = readOptionalBoolean(c, "disable_dynamic_flow_control", at);
  if (dfc !== undefined) config.disableDynamicFlowControl = dfc;
  const persistent = readOptionalBoolean(c, "persistent_messages", at);
  if (persistent !== undefined) config.persistentMessages = persistent;
  return config;
};

/** Decodes `nodes_config: { [stepId]: NodeConfig }`; missing means no step has settings. */
export const decodeNodesConfig = (value: unknown, at: string): Readonly<Record<string, NodeConfig>> => {
  if (value === undefined || value === null) return {};
  const result: Record<string, NodeConfig> = {};
  for (const [stepId, config] of Object.entries(asObject(value, at))) {
    result[stepId] = decodeNodeConfig(config, `${at}.${stepId}`);
  }
  return result;
};
