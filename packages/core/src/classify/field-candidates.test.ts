import { describe, expect, it } from "vitest";
import { classifyError } from "./classify-error.js";
import type { StepFields } from "./types.js";

const REST_FIELDS: StepFields = {
  configuration: ["method", "url", "errorPolicy"],
  mapped: ["body", "customerId"],
};
const classify = (message: string, stepFields?: unknown) =>
  classifyError({ message, ...(stepFields === undefined ? {} : { context: { stepFields } as never }) });

describe("errors that name a field of the step", () => {
  it("are a configuration mistake when the field is the step's configuration", () => {
    const message =
      "Error: url is required\n    at Object.process (/home/node/lib/actions/httpRequestAction.js:22:9)";
    expect(classify(message).cause).toBe("MAPPING"); // the text alone reads like missing data
    const result = classify(message, REST_FIELDS);
    expect(result.cause).toBe("COMPONENT_ERROR");
    expect(result.evidence[0]).toEqual({
      signal: "namesConfigurationField",
      source: "stepFields",
      value: "url",
    });
  });

  it("are wrong data when the field is one the mapper sets", () => {
    const result = classify("Error: Parameter 'customerId' is invalid", REST_FIELDS);
    expect(result.cause).toBe("MAPPING");
    expect(result.evidence[0]).toEqual({
      signal: "namesMappedField",
      source: "stepFields",
      value: "customerId",
    });
  });

  it("compare names by letters and digits, and read the last segment of a path", () => {
    expect(classify('"error_policy" is not valid', REST_FIELDS).cause).toBe("COMPONENT_ERROR");
    expect(classify("missing required property: request.body.customer_id", REST_FIELDS).cause).toBe(
      "MAPPING",
    );
    expect(classify("Invalid value for URL: ftp://x", REST_FIELDS).cause).toBe("COMPONENT_ERROR");
  });

  it("leave the text's own signals alone for names that are both, neither or a credential's", () => {
    expect(classify("email is required", { configuration: ["email"], mapped: ["email"] }).cause).toBe(
      "MAPPING",
    );
    expect(classify("email is required", REST_FIELDS).cause).toBe("MAPPING");
    expect(classify("401 Unauthorized: token is invalid", { configuration: ["token"] }).cause).toBe(
      "INVALID_CREDENTIALS",
    );
    expect(classify("connect ECONNREFUSED 10.0.0.1:443", REST_FIELDS).cause).toBe("SYSTEM_DOWNTIME");
  });

  it("ignore step fields of the wrong shape", () => {
    for (const stepFields of [
      "url",
      42,
      null,
      { configuration: "url" },
      { configuration: [1, null, {}, ""] },
    ])
      expect(classify("url is required", stepFields).cause).toBe("MAPPING");
  });
});
