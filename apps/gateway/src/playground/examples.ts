/** One example tab of the playground. */
export interface PlaygroundExample {
  /** The tab's operation; its name shows as the tab title. */
  readonly query: string;
  /** JSON text for the variables editor. */
  readonly variables?: string;
}

/**
 * The playground's example tabs: they walk the troubleshooting guide in order: who you are, the errors,
 * a group, its logs, the flow's steps, its diagnosis, without pasting ids. Every query is validated against the schema by a test, so the examples cannot rot.
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
    query: `# 3. The error inbox, grouped: the guide starts at the Errors tab. Each group is one problem
# (flow, step, normalised message) with its cause, the evidence, and the first remedy.
query ErrorGroups {
  workspaces(first: 5) {
    nodes {
      name
      errorGroups(first: 5) {
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
  }
}
`,
  },
  {
    query: `# 4. The latest problem of a workspace: its error, who built the flow, and that execution's logs
# (integration logic first: downtime, credentials, answer structure, mapping).
# For one group by fingerprint use errorGroup(workspaceId:, fingerprint:).
query LatestProblem {
  workspaces(first: 1) {
    nodes {
      name
      errorGroups(first: 1) {
        nodes {
          pattern
          count
          classification { cause title remedy evidence { signal source value } }
          sample {
            timestamp
            message
            author { email }
            logs(first: 30) { timestamp levelName stepId message }
          }
        }
      }
    }
  }
}
`,
  },
  {
    query: `# 5. The flow behind that problem, step by step (the guide's "manual go-through"): in execution
# order, each step's component and runtime version, credential, the mapper that feeds it, settings, queue.
query FlowSteps {
  workspaces(first: 1) {
    nodes {
      errorGroups(first: 1) {
        nodes {
          step { id name }
          flow {
            id
            name
            status
            currentStatus
            author { email }
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
      }
    }
  }
}
`,
  },
  {
    query: `# 6. The whole guide in one call: diagnose the flow behind that problem. The verdict names the
# failing step, the level and the cause; findings carry evidence and remedies; the walk-through shows each
# step of the latest failing execution; the ticket lists what only you can add before support gets it.
# diagnoseFlow(flowId:) does the same by id; diagnoseWorkspace(workspaceId:) ranks every flow, worst first.
query Diagnose {
  workspaces(first: 1) {
    nodes {
      errorGroups(first: 1) {
        nodes {
          flow {
            name
            diagnosis(options: { verifyCredentials: false, probeEndpoints: false }) {
              verdict { status level cause stepId summary }
              findings { check status cause stepId title detail remedy docsUrl }
              walkthrough { firstFailingStepId steps { stepId name state lastLogAt } }
              nextActions
              escalation { recommended reason }
              ticket { missing { field question } }
            }
          }
        }
      }
    }
  }
}
`,
  },
  {
    query: `# 7. Any workspace's flows: filter by status, type or a search word; page on with
# after: pageInfo.endCursor. One flow by id: flow(id: "…").
query Flows {
  workspaces(first: 5) {
    nodes {
      name
      flows(first: 10, filter: { status: ACTIVE }) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes { id name type status currentStatus lastStartTime author { email } }
      }
    }
  }
}
`,
  },
];
