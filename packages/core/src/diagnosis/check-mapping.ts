import { edgeInto, stepsInExecutionOrder } from "../model/flow-graph.js";
import type { DataSample, Flow, ObjectId } from "../model/platform.js";
import type { Finding } from "./diagnosis.js";
import { evidence, makeFinding } from "./make-finding.js";
import { checkMapperAgainstSample } from "./sample-check.js";

type LoadSample = (sampleId: ObjectId) => Promise<DataSample>;

const mapperFindings = async (flow: Flow, stepId: string, loadSample: LoadSample): Promise<Finding[]> => {
  const edge = edgeInto(flow.graph, stepId);
  if (!edge?.config?.mapper || edge.source === null) return [];
  const source = flow.graph.nodes.find((node) => node.id === edge.source);
  const sampleId = source?.selectedDataSamples?.[0];
  if (!sampleId) return [];
  const sample = await loadSample(sampleId);
  const check = checkMapperAgainstSample(edge.config.mapper, sample.result);
  return check.problems.map((problem) =>
    makeFinding({
      check: "mapping",
      status: "FAIL",
      cause: "MAPPING",
      stepId,
      title:
        problem.kind === "PARSE_ERROR"
          ? "The mapper expression does not parse"
          : `The mapper of ${stepId} reads data the sample of ${edge.source} does not have`,
      detail: `${problem.targetField ? `Field "${problem.targetField}": ` : ""}${problem.detail}.`,
      confidence: problem.kind === "MISSING_PATH" ? 0.8 : 0.75,
      evidence: [
        evidence(
          problem.kind === "PARSE_ERROR" ? "mapperParseError" : "mapperPath",
          "mapper",
          problem.path ?? problem.expression,
        ),
        evidence("dataSample", "sample", sampleId),
      ],
    }),
  );
};

/** Compares each step's mapper with the data sample of the step that feeds it. */
export const checkMappings = async (
  flow: Flow,
  loadSample: LoadSample,
): Promise<{ findings: Finding[]; compared: number }> => {
  const steps = stepsInExecutionOrder(flow.graph).filter((node) => {
    const edge = edgeInto(flow.graph, node.id);
    return edge?.config?.mapper !== undefined;
  });
  const results = await Promise.all(steps.map((node) => mapperFindings(flow, node.id, loadSample)));
  return { findings: results.flat(), compared: steps.length };
};
