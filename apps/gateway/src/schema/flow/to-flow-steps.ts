import { edgeInto, type Flow, stepsInExecutionOrder } from "@flowdoctor/core";
import type { FlowStepData } from "./flow-step.type.js";

/** The flow's steps in execution order (core's `stepsInExecutionOrder`), each with the mapper that feeds it. */
export const toFlowSteps = (flow: Flow): FlowStepData[] =>
  stepsInExecutionOrder(flow.graph).map((node, position) => {
    const edge = edgeInto(flow.graph, node.id);
    return {
      flow,
      id: node.id,
      name: node.name,
      description: node.description ?? null,
      command: node.command,
      componentId: node.componentId,
      credentialId: node.credentialsId ?? null,
      position,
      isTrigger: position === 0,
      fields: node.fields ?? null,
      mapper: edge?.config?.mapper ?? null,
      previousStepId: edge?.source ?? null,
    };
  });
