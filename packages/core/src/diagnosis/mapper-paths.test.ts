import { describe, expect, it } from "vitest";
import { readMapperExpression } from "./mapper-paths.js";

const pathsOf = (expression: string) => {
  const read = readMapperExpression(expression);
  if (!read.ok) throw new Error(`did not parse: ${read.message}`);
  return read.paths.map((path) =>
    path.expects ? `${path.path.join(".")}:${path.expects}` : path.path.join("."),
  );
};

describe("readMapperExpression", () => {
  it("reads plain and nested paths", () => {
    expect(pathsOf("body.customer.email")).toEqual(["body.customer.email"]);
    expect(pathsOf('firstName & " " & lastName')).toEqual(["firstName", "lastName"]);
  });

  it("follows filters and function steps relative to the array they apply to", () => {
    expect(pathsOf("body.items[price > 10].name").sort()).toEqual(["body.items.name", "body.items.price"]);
    expect(pathsOf("items.$uppercase(name)")).toEqual(["items.name"]);
    expect(pathsOf("data[0].id")).toEqual(["data.id"]);
  });

  it("marks what arithmetic and numeric functions need as numbers", () => {
    expect(pathsOf("$sum(order.lines.(price * quantity))").sort()).toEqual([
      "order.lines.price:number",
      "order.lines.quantity:number",
    ]);
    expect(pathsOf("$sum(order.lines.amount)")).toEqual(["order.lines.amount:number"]);
    expect(pathsOf("total - discount")).toEqual(["total:number", "discount:number"]);
  });

  it("treats $ as the context and $$ as the root, and does not follow bound variables", () => {
    expect(pathsOf("$.x")).toEqual(["x"]);
    expect(pathsOf("$$.a.b")).toEqual(["a.b"]);
    expect(pathsOf("($v := a.b; $v.c)")).toEqual(["a.b"]);
  });

  it("walks object and array constructors, conditions and chains", () => {
    expect(pathsOf('{"id": x.y, "tags": [p, q]}').sort()).toEqual(["p", "q", "x.y"]);
    expect(pathsOf("$exists(a) ? b : c").sort()).toEqual(["a", "b", "c"]);
    expect(pathsOf("$string(a.b) ~> $uppercase()")).toEqual(["a.b"]);
  });

  it("stops at wildcards but keeps the path before them", () => {
    expect(pathsOf("a.*.b")).toEqual(["a"]);
    expect(pathsOf("**.c")).toEqual([]);
  });

  it("ignores lambda bodies, whose context is not the message", () => {
    expect(pathsOf("function($v){ $v.z }(w)")).toEqual(["w"]);
  });

  it("reports a parse error with the JSONata code instead of throwing", () => {
    const read = readMapperExpression("a.b[");
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.code).toMatch(/^S0\d{3}$/);
  });
});
