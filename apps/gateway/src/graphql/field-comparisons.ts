import { type DocumentNode, Kind, type SelectionSetNode, visit } from "graphql";

/** Adds the fields of `set` by response key, inline fragments included, and collects its named spreads. */
const collect = (set: SelectionSetNode, keys: Map<string, number>, spreads: Set<string>): void => {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      const key = (selection.alias ?? selection.name).value;
      keys.set(key, (keys.get(key) ?? 0) + 1);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet, keys, spreads);
    else spreads.add(selection.name.value);
  }
};

const pairs = (count: number): number => (count * (count - 1)) / 2;

/**
 * How many pairs of fields and fragments GraphQL validation compares to check that fields can be merged: for every
 * selection set of the document, the pairs of fields with one response key, the pairs of its fragment spreads, and
 * each spread against each field. That rule's work grows with the square of repeats (400 repeats of one field take
 * a quarter of a second), so a document is refused by this count, in time linear in its size, before validation.
 */
export const countFieldComparisons = (document: DocumentNode): number => {
  let comparisons = 0;
  visit(document, {
    SelectionSet(set) {
      const keys = new Map<string, number>();
      const spreads = new Set<string>();
      collect(set, keys, spreads);
      let fields = 0;
      for (const count of keys.values()) {
        comparisons += pairs(count);
        fields += count;
      }
      comparisons += pairs(spreads.size) + spreads.size * fields;
    },
  });
  return comparisons;
};
