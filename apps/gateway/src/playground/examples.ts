/** One example tab of the playground. */
export interface PlaygroundExample {
  /** The tab's operation; its name shows as the tab title. */
  readonly query: string;
  /** JSON text for the variables editor. */
  readonly variables?: string;
}

/**
 * The playground's example tabs: they walk the troubleshooting guide in order: who you are, the errors,
 * a group, its logs, the flow's steps. Every query is validated against the schema by a test, so the examples cannot rot.
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
    query: `# 3. The error inbox, grouped: the guide starts at the Errors tab. Paste a workspace id from tab 2.
# Each group is one problem (flow, step, normalised message) with its cause and first remedy.
query ErrorGroups($workspaceId: ID!) {
  errorGroups(workspaceId: $workspaceId, first: 10) {
    totalCount
    scan { scanned limitReached }
    nodes {
      fingerprint
      count
      executionCount
      lastSeen
      pattern
      classification { cause level confidence remedy docsUrl retryable }
      flow { id name status }
      step { name }
    }
  }
}
`,
    variables: `{ "workspaceId": "paste a workspace id here" }`,
  },
  {
    query: `# 4. One group, its latest error and that execution's logs (integration logic first:
# downtime, credentials, answer structure, mapping). Paste a workspace id and a fingerprint from tab 3.
query ErrorGroup($workspaceId: ID!, $fingerprint: String!) {
  errorGroup(workspaceId: $workspaceId, fingerprint: $fingerprint) {
    pattern
    count
    classification { cause title remedy evidence { signal source value } }
    sample {
      timestamp
      message
      author { email }
      logs(first: 30) { timestamp levelName stepId message }
    }
    flow { id name }
  }
  logFile(workspaceId: $workspaceId, limit: 200) { entryCount truncated text }
}
`,
    variables: `{ "workspaceId": "paste a workspace id here", "fingerprint": "paste a fingerprint here" }`,
  },
  {
    query: `# 5. The flows of a workspace: paste a workspace id from tab 2.
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
    query: `# 6. A flow step by step (the guide's "manual go-through"): in execution order, each step's
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
