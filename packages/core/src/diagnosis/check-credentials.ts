import type { CredentialVerification, Flow, ObjectId } from "../model/platform.js";
import type { Finding } from "./diagnosis.js";
import { evidence, makeFinding } from "./make-finding.js";

type Verify = (credentialId: ObjectId) => Promise<CredentialVerification>;

const verifyOne = async (
  credentialId: ObjectId,
  stepIds: readonly string[],
  verify: Verify,
): Promise<Finding> => {
  const stepId = stepIds[0];
  try {
    const result = await verify(credentialId);
    if (result.verified) {
      return makeFinding({
        check: "credentials",
        status: "PASS",
        cause: "INVALID_CREDENTIALS",
        title: "Credential verified",
        stepId,
        detail: `Credential ${credentialId} (used by ${stepIds.join(", ")}) was verified by the platform.`,
        remedy: "",
      });
    }
    return makeFinding({
      check: "credentials",
      status: "FAIL",
      cause: "INVALID_CREDENTIALS",
      stepId,
      detail: `The platform could not verify credential ${credentialId} (used by ${stepIds.join(", ")})${result.reason ? `: ${result.reason}` : "."}`,
      confidence: 0.95,
      evidence: [
        evidence("verified", "credential", "false"),
        ...(result.reason ? [evidence("reason", "credential", result.reason)] : []),
      ],
    });
  } catch (error) {
    return makeFinding({
      check: "credentials",
      status: "ERROR",
      cause: "INVALID_CREDENTIALS",
      title: "Could not verify the credential",
      stepId,
      detail: `Verifying credential ${credentialId} did not finish: ${error instanceof Error ? error.message : String(error)}`,
      confidence: 0,
    });
  }
};

/** Verifies each credential the flow's steps use, once per credential. */
export const checkCredentials = async (flow: Flow, verify: Verify): Promise<Finding[]> => {
  const users = new Map<ObjectId, string[]>();
  for (const node of flow.graph.nodes) {
    if (node.credentialsId)
      users.set(node.credentialsId, [...(users.get(node.credentialsId) ?? []), node.id]);
  }
  return Promise.all([...users].map(([credentialId, stepIds]) => verifyOne(credentialId, stepIds, verify)));
};
