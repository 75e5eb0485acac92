// Which of many keywords a text holds, in one pass of a regular expression per case rule: the shapes whose
// keywords are absent are not run at all, so ordinary log text costs about one scan however long the catalogue
// is.

/** A literal to look for, as written or in any case. */
export interface Keyword {
  readonly text: string;
  readonly caseSensitive: boolean;
}

/** How {@link createKeywordTrigger} reports a keyword it found: as written, or lower-cased after `~`. */
export const keywordToken = (keyword: Keyword): string =>
  keyword.caseSensitive ? keyword.text : `~${keyword.text.toLowerCase()}`;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");

/** Scans for literals that follow one case rule: each match and the shorter literals it starts with. */
const literalScanner = (literals: readonly string[], caseSensitive: boolean) => {
  const normal = (text: string): string => (caseSensitive ? text : text.toLowerCase());
  const unique = [...new Set(literals.map(normal))].sort((a, b) => b.length - a.length);
  // At one position the alternation reports only the longest literal; the shorter ones it starts with are there
  // too.
  const prefixes = new Map(
    unique.map((literal) => [
      literal,
      unique.filter((other) => other.length < literal.length && literal.startsWith(other)),
    ]),
  );
  const pattern = new RegExp(unique.map(escapeRegExp).join("|"), caseSensitive ? "g" : "gi");
  const token = (literal: string): string => (caseSensitive ? literal : `~${literal}`);
  return (text: string, found: Set<string>): void => {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      const literal = normal(match[0]);
      found.add(token(literal));
      for (const prefix of prefixes.get(literal) ?? []) found.add(token(prefix));
      pattern.lastIndex = match.index + 1;
    }
  };
};

/** Finds which keywords a text holds, as {@link keywordToken}s. */
export const createKeywordTrigger = (
  keywords: readonly Keyword[],
): ((text: string) => ReadonlySet<string>) => {
  const scanners = [true, false]
    .map((caseSensitive) => {
      const literals = keywords
        .filter((keyword) => keyword.caseSensitive === caseSensitive)
        .map((k) => k.text);
      return literals.length === 0 ? undefined : literalScanner(literals, caseSensitive);
    })
    .filter((scanner) => scanner !== undefined);
  return (text) => {
    const found = new Set<string>();
    for (const scan of scanners) scan(text, found);
    return found;
  };
};
