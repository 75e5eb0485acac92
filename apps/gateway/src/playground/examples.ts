/** One example tab of the playground. */
export interface PlaygroundExample {
  /** The tab's operation; its name shows as the tab title. */
  readonly query: string;
  /** JSON text for the variables editor. */
  readonly variables?: string;
}

/**
 * The playground's example tabs: they walk the troubleshooting guide in order, from who you are to a
 * flow's steps. Every query is validated against the schema by a test, so the examples cannot rot.
 */
export const PLAYGROUND_EXAMPLES: readonly PlaygroundExample[] = [
  {
    query: `# Welcome to the Flowdoctor playground.
# 1. Enter your platform e-mail and API key above (or pick a demo login), then run this tab.
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
  {
    query: `# 2. Who am I, and what may I see? Contracts and their workspaces.
# A SUSPENDED contract stops every flow in it (cause CONTRACT_SUSPENDED).
query WhereAmI {
  me { email firstName lastName }
  contracts(first: 10) {
    totalCount
    nodes {
      id
      name
      status
      workspaces(first: 10) { nodes { id name type } }
    }
  }
}
`,
  },
  {
    query: `# 3. The flows of a workspace: paste a workspace id from the previous tab.
# Filter by status, type or a search word; page on with after: pageInfo.endCursor.
query Flows($workspaceId: ID!, $after: String) {
  flows(workspaceId: $workspaceId, first: 10, after: $after, filter: { search: "" }) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id name type status currentStatus lastStartTime author { email } }
  }
}
`,
    variables: `{ "workspaceId": "paste a workspace id here" }`,
  },
  {
    query: `# 4. A flow step by step (the guide's "manual go-through"): in execution order, each step's
# component and runtime version, credential, the mapper that feeds it, settings and queue.
query FlowSteps($flowId: ID!) {
  flow(id: $flowId) {
    name
    status
    currentStatus
    author { email }
    workspace { name type }
    steps {
      position
      name
      command
      component { name latestVersion { versionNumber sailorVersion } }
      credential { name }
      previousStepId
      mapper
      config { prefetch replicas logLevel }
      queue { total ready unacked rebounds }
    }
  }
}
`,
    variables: `{ "flowId": "paste a flow id here" }`,
  },
];
