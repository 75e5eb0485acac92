import { describe, expect, it } from "vitest";
import { checkMapperAgainstSample, mapperExpressions, resolvePath } from "./sample-check.js";

const sample = {
  customer: { email: "a@example.com", address: { city: "Bonn" } },
  lines: [
    { sku: "A", price: 10, quantity: 2 },
    { sku: "B", price: "12.50", quantity: 1 },
  ],
  tags: [],
  status: "open",
};

describe("resolvePath", () => {
  it("finds nested fields and maps over arrays", () => {
    expect(resolvePath(sample, { path: ["customer", "address", "city"] })).toEqual({
      status: "present",
      values: ["Bonn"],
    });
    expect(resolvePath(sample, { path: ["lines", "sku"] })).toEqual({
      status: "present",
      values: ["A", "B"],
    });
  });

  it("says where a path leaves the sample", () => {
    expect(resolvePath(sample, { path: ["customer", "phone"] })).toEqual({ status: "missing", missingAt: 1 });
  });

  it("detects navigation into a primitive and non-numbers in arithmetic", () => {
    expect(resolvePath(sample, { path: ["status", "code"] })).toMatchObject({
      status: "type-mismatch",
      expected: "object",
      actual: "string",
    });
    expect(resolvePath(sample, { path: ["lines", "price"], expects: "number" })).toMatchObject({
      status: "type-mismatch",
      expected: "number",
      actual: "string",
    });
  });

  it("cannot tell through an empty array", () => {
    expect(resolvePath(sample, { path: ["tags", "name"] })).toEqual({ status: "unknown" });
  });
});

describe("checkMapperAgainstSample", () => {
  it("reports nothing when the sample has every path", () => {
    const check = checkMapperAgainstSample(
      { email: "customer.email", city: "customer.address.city" },
      sample,
    );
    expect(check.problems).toEqual([]);
    expect(check.checkedPaths).toBe(2);
  });

  it("names the target field, the expression and the path that no longer exists", () => {
    const check = checkMapperAgainstSample({ contact: { mail: "customer.emailAddress" } }, sample);
    expect(check.problems).toEqual([
      {
        kind: "MISSING_PATH",
        targetField: "contact.mail",
        expression: "customer.emailAddress",
        path: "customer.emailAddress",
        detail: 'the sample has no "customer.emailAddress" (the mapper reads customer.emailAddress)',
      },
    ]);
  });

  it("reports type mismatches, parse errors and undecided paths", () => {
    const check = checkMapperAgainstSample(
      { total: "$sum(lines.(price * quantity))", broken: "lines[", first: "tags.name" },
      sample,
    );
    expect(check.problems.map((problem) => problem.kind).sort()).toEqual(["PARSE_ERROR", "TYPE_MISMATCH"]);
    expect(check.problems.find((problem) => problem.kind === "TYPE_MISMATCH")?.path).toBe("lines.price");
    expect(check.undecided).toEqual(["tags.name"]);
  });

  it("accepts samples that hold the whole message or only its body", () => {
    expect(checkMapperAgainstSample("customer.email", { body: sample }).problems).toEqual([]);
    expect(checkMapperAgainstSample("body.customer.email", sample).problems).toEqual([]);
    expect(checkMapperAgainstSample("body.customer.fax", sample).problems).toHaveLength(1);
  });

  it("flattens nested mapper objects into dotted target fields", () => {
    expect(mapperExpressions({ a: { b: "x", c: "y" }, d: "z", ignored: 3 })).toEqual([
      { targetField: "a.b", expression: "x" },
      { targetField: "a.c", expression: "y" },
      { targetField: "d", expression: "z" },
    ]);
  });
});
