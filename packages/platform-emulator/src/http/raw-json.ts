/** A body already serialised as JSON text: sent as is, so hot lists can be assembled from cached pieces. */
export class RawJson {
  readonly json: string;

  constructor(json: string) {
    this.json = json;
  }
}

/** A JSON array from already serialised items. */
export const jsonArray = (items: readonly string[]): string => `[${items.join(",")}]`;
