/**
 * The strings of `PREFIX_LENGTH` characters a RegExp alternative can start with, for the subset of syntax the signal
 * tables use: literals, escapes, small character classes, non-capturing groups, `?` and zero-width assertions.
 * Anything else (`.`, `\w`, `\S`, negated classes, `*`, `+`, `{m,n}` before the prefix is complete) makes the answer
 * unknown, and the alternative is then tried at every position.
 */
export const PREFIX_LENGTH = 3;

/** Most prefixes one alternative may have before it counts as unknown (a class of letters multiplies them). */
const MAX_PREFIXES = 64;
const MAX_CLASS_SIZE = 16;

/**
 * A UTF-16 code unit as a case-insensitive, non-unicode RegExp compares it (ECMAScript `Canonicalize`): upper-cased
 * when that gives one code unit and does not map a non-ASCII unit into ASCII.
 */
export const canonical = (code: number): number => {
  if (code < 128) return code >= 97 && code <= 122 ? code - 32 : code;
  const upper = String.fromCharCode(code).toUpperCase();
  if (upper.length !== 1) return code;
  const folded = upper.charCodeAt(0);
  return folded < 128 ? code : folded;
};

/** Keys at or above this are prefixes with a unit beyond ASCII. */
export const BEYOND_ASCII = 1 << 21;

/**
 * A key for the canonical code units of a prefix of three: 7 bits a unit when all are ASCII, a small integer that
 * V8 hashes without allocating; else 16 bits a unit above `BEYOND_ASCII`, still a safe integer.
 */
export const prefixKey = (units: readonly number[]): number => {
  const [a, b, c] = units.map(canonical) as [number, number, number];
  return a < 128 && b < 128 && c < 128
    ? (a << 14) | (b << 7) | c
    : BEYOND_ASCII + (a * 65_536 + b) * 65_536 + c;
};

type Node =
  | { readonly kind: "chars"; readonly units: readonly number[]; readonly optional: boolean }
  | { readonly kind: "group"; readonly alternatives: Node[][]; readonly optional: boolean }
  | { readonly kind: "zeroWidth" }
  | { readonly kind: "unknown" };

const UNKNOWN: Node = { kind: "unknown" };
const ZERO_WIDTH: Node = { kind: "zeroWidth" };
const DIGITS = Array.from({ length: 10 }, (_, digit) => 48 + digit);
const CONTROL_ESCAPES: Readonly<Record<string, number>> = { n: 10, r: 13, t: 9, f: 12, v: 11 };

class Parser {
  at = 0;
  constructor(private readonly source: string) {}

  alternatives(): Node[][] {
    const alternatives: Node[][] = [[]];
    while (this.at < this.source.length && this.source[this.at] !== ")") {
      if (this.source[this.at] === "|") {
        this.at += 1;
        alternatives.push([]);
      } else (alternatives[alternatives.length - 1] as Node[]).push(this.quantified(this.atom()));
    }
    return alternatives;
  }

  private atom(): Node {
    const char = this.source[this.at] as string;
    this.at += 1;
    if (char === "(") return this.group();
    if (char === "[") return this.charClass();
    if (char === "\\") return this.escape();
    if (char === "^" || char === "$") return ZERO_WIDTH;
    if (char === ".") return UNKNOWN;
    return { kind: "chars", units: [char.charCodeAt(0)], optional: false };
  }

  private group(): Node {
    const lookaround = /^\?<?[=!]/.exec(this.source.slice(this.at, this.at + 3));
    if (lookaround) this.at += lookaround[0].length;
    else if (this.source.startsWith("?:", this.at)) this.at += 2;
    const alternatives = this.alternatives();
    this.at += 1; // ")"
    return lookaround ? ZERO_WIDTH : { kind: "group", alternatives, optional: false };
  }

  private escape(): Node {
    const char = this.source[this.at] as string;
    this.at += 1;
    if (char === "b" || char === "B") return ZERO_WIDTH;
    if (char === "d") return { kind: "chars", units: DIGITS, optional: false };
    if (/[wWsSD\d]/.test(char)) return UNKNOWN;
    if (char === "x" || char === "u") {
      const hex = this.source.slice(this.at, this.at + (char === "x" ? 2 : 4));
      this.at += hex.length;
      return { kind: "chars", units: [Number.parseInt(hex, 16)], optional: false };
    }
    const control = CONTROL_ESCAPES[char];
    return { kind: "chars", units: [control ?? char.charCodeAt(0)], optional: false };
  }

  private charClass(): Node {
    const end = this.classEnd();
    const body = this.source.slice(this.at, end);
    this.at = end + 1;
    if (body.startsWith("^")) return UNKNOWN;
    const units: number[] = [];
    for (let at = 0; at < body.length; at += 1) {
      let unit = body.charCodeAt(at);
      if (body[at] === "\\") {
        at += 1;
        const escaped = body[at] as string;
        if (escaped === "d") {
          units.push(...DIGITS);
          continue;
        }
        if (/[wWsSDbB\dxuc]/.test(escaped)) return UNKNOWN;
        unit = CONTROL_ESCAPES[escaped] ?? escaped.charCodeAt(0);
      } else if (body[at + 1] === "-" && at + 2 < body.length && body[at + 2] !== "\\") {
        const last = body.charCodeAt(at + 2);
        for (let code = unit; code <= last; code += 1) units.push(code);
        at += 2;
        continue;
      }
      units.push(unit);
    }
    return units.length <= MAX_CLASS_SIZE ? { kind: "chars", units, optional: false } : UNKNOWN;
  }

  private classEnd(): number {
    let at = this.at;
    while (at < this.source.length && this.source[at] !== "]") at += this.source[at] === "\\" ? 2 : 1;
    return at;
  }

  private quantified(node: Node): Node {
    const char = this.source[this.at];
    if (char !== "?" && char !== "*" && char !== "+" && char !== "{") return node;
    const quantifier = /^(?:[?*+]|\{\d+(?:,\d*)?\})\??/.exec(this.source.slice(this.at));
    if (quantifier === null) return node; // a "{" that is no quantifier is a literal, read as the next atom
    this.at += quantifier[0].length;
    if (quantifier[0].startsWith("?") && (node.kind === "chars" || node.kind === "group"))
      return { ...node, optional: true };
    return node.kind === "zeroWidth" ? node : UNKNOWN;
  }
}

/** Every prefix of `PREFIX_LENGTH` code units the nodes can match, or undefined when that cannot be told. */
const prefixesOf = (nodes: readonly Node[], prefix: readonly number[], found: Set<number>): boolean => {
  if (prefix.length === PREFIX_LENGTH) {
    found.add(prefixKey(prefix));
    return found.size <= MAX_PREFIXES;
  }
  const [node, ...rest] = nodes;
  if (node === undefined || node.kind === "unknown") return false;
  if (node.kind === "zeroWidth") return prefixesOf(rest, prefix, found);
  if (node.optional && !prefixesOf(rest, prefix, found)) return false;
  if (node.kind === "chars") return node.units.every((unit) => prefixesOf(rest, [...prefix, unit], found));
  return node.alternatives.every((alternative) => prefixesOf([...alternative, ...rest], prefix, found));
};

/** The top-level alternatives of a pattern, as sources. */
export const splitAlternatives = (pattern: string): string[] => {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let at = 0; at < pattern.length; at += 1) {
    const char = pattern[at];
    if (char === "\\") at += 1;
    else if (char === "[") {
      at += 1;
      while (at < pattern.length && pattern[at] !== "]") at += pattern[at] === "\\" ? 2 : 1;
    } else if (char === "(") depth += 1;
    else if (char === ")") depth -= 1;
    else if (char === "|" && depth === 0) {
      parts.push(pattern.slice(start, at));
      start = at + 1;
    }
  }
  parts.push(pattern.slice(start));
  return parts;
};

/**
 * The keys (`prefixKey`) of the prefixes an alternative must start with when it matches, or undefined when they cannot
 * be told (it may then start anywhere, or match fewer than `PREFIX_LENGTH` characters).
 */
export const literalPrefixes = (alternative: string): ReadonlySet<number> | undefined => {
  const parser = new Parser(alternative);
  const alternatives = parser.alternatives();
  if (parser.at !== alternative.length) return undefined;
  const found = new Set<number>();
  const known = alternatives.every((nodes) => prefixesOf(nodes, [], found));
  return known ? found : undefined;
};
