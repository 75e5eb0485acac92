import type { CheckName, Finding } from "./diagnosis.js";

/** How one check function ended. */
export type CheckOutcome =
  | {
      readonly check: CheckName;
      readonly ok: true;
      readonly findings: readonly Finding[];
      readonly durationMs: number;
    }
  | { readonly check: CheckName; readonly ok: false; readonly reason: string; readonly durationMs: number };

/** Runs one check within its time budget; a check that throws or runs out of time reports why instead. */
export const runCheck = async (
  check: CheckName,
  budgetMs: number,
  run: () => Promise<readonly Finding[]>,
): Promise<CheckOutcome> => {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not finish within ${budgetMs} ms`)), budgetMs);
  });
  try {
    const findings = await Promise.race([run(), timeout]);
    return { check, ok: true, findings, durationMs: performance.now() - started };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { check, ok: false, reason, durationMs: performance.now() - started };
  } finally {
    clearTimeout(timer);
  }
};
