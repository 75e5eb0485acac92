/** One example tab of the playground. */
export interface PlaygroundExample {
  /** The tab's operation; its name shows as the tab title. */
  readonly query: string;
  /** JSON text for the variables editor. */
  readonly variables?: string;
}

/**
 * The playground's example tabs: they walk the troubleshooting guide in order. Every query is
 * validated against the schema by a test, so the examples cannot rot.
 */
export const PLAYGROUND_EXAMPLES: readonly PlaygroundExample[] = [
  {
    query: `# Welcome to the Flowdoctor playground.
# 1. Enter your platform e-mail and API key above (or use the demo login), then run this tab.
# The next tabs follow the troubleshooting guide step by step.
query Gateway {
  gateway {
    version
    upstream
    limits { maxPageSize maxQueryDepth maxQueryCost }
  }
}
`,
  },
];
