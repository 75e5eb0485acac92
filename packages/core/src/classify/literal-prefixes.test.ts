import { describe, expect, it } from "vitest";
import { BEYOND_ASCII, literalPrefixes, prefixKey, splitAlternatives } from "./literal-prefixes.js";

const prefixes = (alternative: string): string[] | undefined => {
  const keys = literalPrefixes(alternative);
  if (keys === undefined) return undefined;
  const decode = (key: number): string =>
    (key < BEYOND_ASCII
      ? [key >> 14, (key >> 7) & 127, key & 127]
      : [
          Math.floor((key - BEYOND_ASCII) / 65_536 ** 2),
          Math.floor((key - BEYOND_ASCII) / 65_536) % 65_536,
          (key - BEYOND_ASCII) % 65_536,
        ]
    )
      .map((unit) => String.fromCharCode(unit))
      .join("");
  return [...keys].map(decode).sort();
};
const key = (text: string): number => prefixKey([...text].map((char) => char.charCodeAt(0)));

describe("literalPrefixes", () => {
  it("reads literals, escapes, groups, optional parts and small classes, in upper case", () => {
    expect(prefixes("socket hang up")).toEqual(["SOC"]);
    expect(prefixes("\\bORA-(?:12170|12514)\\b")).toEqual(["ORA"]);
    expect(prefixes("(?:do not|don't) have")).toEqual(["DO ", "DON"]);
    expect(prefixes("exit(?:ed)? code")).toEqual(["EXI"]);
    expect(prefixes("a?bcd")).toEqual(["ABC", "BCD"]);
    expect(prefixes("\\b[TDSU][0-3]-")).toHaveLength(16);
    expect(prefixes("\\.net")).toEqual([".NE"]);
    expect(prefixes("(?=x)abc")).toEqual(["ABC"]);
    expect(prefixes("время")).toEqual(["ВРЕ"]);
    expect(prefixes("x{ab")).toEqual(["X{A"]); // a brace that is no quantifier is a literal
  });

  it("does not know what `.`, `\\w`, negated classes or repetition before the third character start with", () => {
    for (const alternative of [
      "\\b\\d+/\\d+ nodes",
      "\\w*Error",
      "[^'\\n]{1,40} is",
      "a.c",
      "ab*c",
      "\\sfoo",
      "ab",
    ])
      expect(literalPrefixes(alternative), alternative).toBeUndefined();
    expect(prefixes("abc.*")).toEqual(["ABC"]);
  });

  it("keys a prefix by its case-folded code units", () => {
    expect(key("soc")).toBe(key("SOC"));
    expect(key("врем")).toBe(key("ВРЕМ"));
    expect(key("\u212Aey")).not.toBe(key("key")); // the Kelvin sign does not fold into ASCII
  });
});

describe("splitAlternatives", () => {
  it("splits at the top level only", () => {
    expect(splitAlternatives("a(?:b|c)|[|]d|e\\|f")).toEqual(["a(?:b|c)", "[|]d", "e\\|f"]);
  });
});
