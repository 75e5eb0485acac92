import jsonata from "jsonata";

/** One path into the incoming message that a mapper expression reads. */
export interface MapperPath {
  /** Field names from the message root, e.g. `["body", "items", "price"]`. */
  readonly path: readonly string[];
  /** What the expression needs at the end of the path, when it can tell (arithmetic needs numbers). */
  readonly expects?: "number";
}

/** What reading one JSONata expression found: the paths it reads, or why it could not be parsed. */
export type MapperExpressionPaths =
  | { readonly ok: true; readonly paths: readonly MapperPath[] }
  | { readonly ok: false; readonly code: string; readonly message: string; readonly position?: number };

// Functions whose arguments must be numbers (JSONata raises T0410/T0412 otherwise).
const NUMERIC_FUNCTIONS = new Set([
  "sum",
  "average",
  "max",
  "min",
  "abs",
  "floor",
  "ceil",
  "round",
  "power",
  "sqrt",
  "formatNumber",
  "formatBase",
]);
const ARITHMETIC = new Set(["+", "-", "*", "/", "%"]);

interface AstNode {
  readonly type: string;
  readonly value?: unknown;
  readonly steps?: readonly AstNode[];
  readonly stages?: readonly { readonly type: string; readonly expr: AstNode }[];
  readonly expressions?: readonly AstNode[];
  readonly arguments?: readonly AstNode[];
  readonly procedure?: AstNode;
  readonly lhs?: AstNode | readonly (readonly AstNode[])[];
  readonly rhs?: AstNode;
  readonly condition?: AstNode;
  readonly then?: AstNode;
  readonly else?: AstNode;
  readonly expression?: AstNode;
  readonly terms?: readonly { readonly expression: AstNode }[];
  readonly group?: { readonly lhs: readonly (readonly AstNode[])[] };
}

/** `null` context: the expression is somewhere a path cannot be followed from the message (a lambda, a variable). */
type Context = readonly string[] | null;

class PathCollector {
  readonly found = new Map<string, MapperPath>();

  add(path: readonly string[], expects?: "number"): void {
    if (path.length === 0) return;
    const key = `${path.join("\u0000")}|${expects ?? ""}`;
    this.found.set(key, expects ? { path, expects } : { path });
  }

  visit(node: AstNode | undefined, context: Context, expects?: "number"): void {
    if (!node) return;
    switch (node.type) {
      case "path":
        this.visitPath(node, context, expects);
        break;
      case "binary": {
        const numeric = ARITHMETIC.has(String(node.value)) ? "number" : undefined;
        this.visit(node.lhs as AstNode, context, numeric);
        this.visit(node.rhs, context, numeric);
        break;
      }
      case "function":
      case "partial":
        this.visitCall(node, context);
        break;
      case "unary":
        this.visitConstructor(node, context);
        break;
      case "condition":
        this.visit(node.condition, context);
        this.visit(node.then, context, expects);
        this.visit(node.else, context, expects);
        break;
      case "block":
        for (const expression of node.expressions ?? []) this.visit(expression, context, expects);
        break;
      case "bind":
      case "apply":
        this.visit(node.lhs as AstNode, context);
        this.visit(node.rhs, context);
        break;
    }
  }

  private visitCall(node: AstNode, context: Context): void {
    const name = node.procedure?.type === "variable" ? String(node.procedure.value) : undefined;
    const expects = name !== undefined && NUMERIC_FUNCTIONS.has(name) ? "number" : undefined;
    for (const argument of node.arguments ?? []) this.visit(argument, context, expects);
    if (node.procedure?.type === "lambda") this.visit(node.procedure, null);
  }

  private visitConstructor(node: AstNode, context: Context): void {
    if (node.value === "{") {
      for (const pair of (node.lhs as readonly (readonly AstNode[])[] | undefined) ?? []) {
        for (const part of pair) this.visit(part, context);
      }
      return;
    }
    const numeric = node.value === "-" ? "number" : undefined;
    for (const expression of node.expressions ?? []) this.visit(expression, context);
    this.visit(node.expression, context, numeric);
  }

  private visitPath(node: AstNode, context: Context, expects?: "number"): void {
    let current: Context = context;
    let endsOnName = false;
    for (const step of node.steps ?? []) {
      ({ current, endsOnName } = this.visitStep(step, current, context));
    }
    if (current && endsOnName) this.add(current, expects);
    for (const pair of node.group?.lhs ?? []) for (const part of pair) this.visit(part, current);
  }

  private visitStep(
    step: AstNode,
    current: Context,
    outer: Context,
  ): { current: Context; endsOnName: boolean } {
    if (step.type === "name") {
      const next = current ? [...current, String(step.value)] : null;
      for (const stage of step.stages ?? []) if (stage.expr.type !== "number") this.visit(stage.expr, next);
      return { current: next, endsOnName: true };
    }
    if (step.type === "variable") {
      // `$` is the context, `$$` the message root; other variables are bindings we do not follow.
      if (step.value === "") return { current: outer, endsOnName: false };
      if (step.value === "$") return { current: [], endsOnName: false };
      return { current: null, endsOnName: false };
    }
    if (step.type === "sort") {
      for (const term of step.terms ?? []) this.visit(term.expression, current);
      return { current, endsOnName: false };
    }
    // Wildcards, blocks and function steps end what a path can follow; what they read is relative to here.
    if (current && (step.type === "wildcard" || step.type === "descendant")) this.add(current);
    if (step.type === "block")
      for (const expression of step.expressions ?? []) this.visit(expression, current);
    else this.visit(step, current);
    return { current: null, endsOnName: false };
  }
}

/** The paths into the incoming message that one JSONata expression reads, relative to the message root. */
export const readMapperExpression = (expression: string): MapperExpressionPaths => {
  let ast: AstNode;
  try {
    ast = jsonata(expression).ast() as unknown as AstNode;
  } catch (error) {
    const { code, message, position } = error as { code?: string; message?: string; position?: number };
    const parsed = {
      ok: false as const,
      code: code ?? "S0000",
      message: message ?? "cannot parse the expression",
    };
    return typeof position === "number" ? { ...parsed, position } : parsed;
  }
  const collector = new PathCollector();
  collector.visit(ast, []);
  return { ok: true, paths: [...collector.found.values()] };
};
