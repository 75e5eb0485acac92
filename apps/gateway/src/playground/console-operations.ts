/** The ticket fields the composer shows, shared by the operations that answer a ticket. */
const CONSOLE_TICKET = `fragment ConsoleTicket on Ticket {
  id
  key
  status
  title
  cause
  troubleshootingLevel
  flowId
  workspaceId
  contractId
  isBlocker
  blockerImpact
  deadline
  priority
  reproducible
  docsChecked
  supportAccessGranted
  description
  docsConsulted
  missing { field question }
  delivery { status attempts maxAttempts channel deliveredAt lastError nextAttemptAt }
}`;

/**
 * The operations the troubleshooting console runs: only the public GraphQL API, the same a client would send.
 * Each view shows the one it ran and opens it in GraphiQL; a test validates them all against the schema.
 */
export const CONSOLE_OPERATIONS = {
  demoUsers: `query DemoUsers {
  gateway { upstream demoUsers { name email apiKey description } }
}`,

  workspaces: `query ConsoleWorkspaces {
  me { email firstName lastName }
  workspaces(first: 50) {
    nodes { id name type contractId }
  }
}`,

  flows: `query ConsoleFlows($workspaceId: ID!) {
  flows(workspaceId: $workspaceId, first: 100) { totalCount nodes { id name status } }
}`,

  inbox: `# The error inbox of one workspace: one row per error group (flow, step, normalised message).
# The chart counts each group's latest occurrences (errors(first:)) over the window.
# status is the group's remembered inbox state (new, resolved, ignored, snoozed, regressed…).
query ConsoleInbox(
  $workspaceId: ID!
  $filter: ErrorFilter
  $states: [ErrorGroupState!]
  $first: Int!
  $after: String
) {
  workspace(id: $workspaceId) { id name type }
  errorGroups(workspaceId: $workspaceId, filter: $filter, states: $states, first: $first, after: $after) {
    totalCount
    scan { scanned maxScan limitReached }
    pageInfo { hasNextPage endCursor }
    nodes {
      fingerprint
      count
      executionCount
      firstSeen
      lastSeen
      pattern
      flowId
      stepId
      flow { id name }
      step { name position }
      classification { cause title level confidence }
      status { state changedAt note }
      errors(first: 100) { timestamp }
    }
  }
}`,

  setGroupState: `# Remembers what you decided about a group; it comes back as REGRESSED if it returns after RESOLVED.
mutation ConsoleSetGroupState($input: SetErrorGroupStateInput!) {
  setErrorGroupState(input: $input) { state changedAt note }
}`,

  health: `# Root causes that span several flows (worst first), and flows that went quiet against their own rhythm.
query ConsoleHealth($workspaceId: ID!, $since: DateTimeISO) {
  workspace(id: $workspaceId) { id name type }
  rootCauses(workspaceId: $workspaceId, since: $since) {
    from
    to
    truncated
    rootCauses {
      kind
      key
      label
      cause
      confidence
      summary
      evidence
      firstSeen
      lastSeen
      fix { summary flows steps failedExecutions }
      flows { flowId flowName steps { stepId cause errorCount change { status summary } } }
      healthyAlsoUsing { flowId flowName }
    }
  }
  flowHealth(workspaceId: $workspaceId) {
    from
    to
    truncated
    flows { flowId flowName stepId status flagged expected seen since confidence baseline baselineDays summary }
  }
}`,

  diagnosis: `# The troubleshooting guide in one call: verdict, the walk through the steps, findings and next actions.
query ConsoleDiagnosis($flowId: ID!) {
  flow(id: $flowId) {
    id
    name
    status
    steps { stepId name position isTrigger queue { total ready unacked rebounds bytes } }
  }
  diagnoseFlow(flowId: $flowId) {
    flowId
    flowName
    workspaceId
    contractId
    window { from to }
    verdict { status level cause stepId summary confidence recoveredAt }
    walkthrough {
      executionId
      firstFailingStepId
      steps { stepId name state executionsReached executionsFailed lastLogAt queue { total ready unacked rebounds bytes } }
    }
    findings { check status level cause stepId title detail remedy docsUrl confidence evidence { signal source value } }
    checks { check status note }
    nextActions
    escalation { recommended reason }
    ticket { missing { field question } }
  }
}`,

  draftTicket: `# Diagnoses the flow and starts a ticket draft with everything the diagnosis knows.
mutation ConsoleDraftTicket($flowId: ID!, $errorGroupId: ID) {
  createTicketFromDiagnosis(flowId: $flowId, errorGroupId: $errorGroupId) {
    ticket { ...ConsoleTicket }
  }
}

${CONSOLE_TICKET}`,

  ticket: `query ConsoleTicketById($id: ID!) {
  ticket(id: $id) { ...ConsoleTicket submittedAt timeline { at event } }
}

${CONSOLE_TICKET}`,

  updateTicket: `# Saves what you typed; the answer's missing list is the guide's checklist for what is still needed.
mutation ConsoleUpdateTicket($id: ID!, $input: TicketFieldsInput!) {
  updateTicket(id: $id, input: $input) { id missing { field question } }
}`,

  addTimelineEvent: `# A timeline is required when the problem is not easy to reproduce.
mutation ConsoleAddTimelineEvent($ticketId: ID!, $entry: TicketTimelineEntryInput!) {
  addTimelineEvent(ticketId: $ticketId, entry: $entry) { id missing { field question } timeline { at event } }
}`,

  preview: `# Exactly what support will receive: subject, addresses and the redacted text, each redaction with its kind and place.
query ConsoleTicketPreview($id: ID!) {
  ticketPreview(id: $id) {
    subject from to messageId text
    attachments { filename contentType sizeBytes }
    fields { field attachmentName marks { id kind from to textFrom } }
  }
}`,

  restoreRedaction: `# Says a redaction was wrong: the text goes back into the draft, and the ticket's history records it.
mutation ConsoleRestoreRedaction($ticketId: ID!, $redactionId: ID!) {
  restoreRedaction(ticketId: $ticketId, redactionId: $redactionId) { id }
}`,

  submit: `# The same idempotency key twice gives the same ticket and one delivery.
mutation ConsoleSubmitTicket($id: ID!, $idempotencyKey: String!) {
  submitTicket(id: $id, idempotencyKey: $idempotencyKey) {
    id
    key
    status
    submittedAt
    delivery { status attempts maxAttempts channel deliveredAt lastError nextAttemptAt }
  }
}`,

  tickets: `query ConsoleTickets($contractId: ID, $first: Int!, $after: String) {
  tickets(first: $first, after: $after, filter: { contractId: $contractId }) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id key status title cause flowId createdAt submittedAt delivery { status deliveredAt } }
  }
}`,
} as const;

/** The name of one of {@link CONSOLE_OPERATIONS}. */
export type ConsoleOperationName = keyof typeof CONSOLE_OPERATIONS;
