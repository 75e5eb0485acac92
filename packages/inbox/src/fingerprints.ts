import { fingerprintError, normalizeErrorMessage } from "@flowdoctor/core";

/** What identifies an occurrence: its message at a flow and step. */
export interface FingerprintSource {
  readonly message: string;
  readonly flowId: string;
  readonly stepId: string;
}

/** One version of the grouping rules. Versions only ever get added; an old one stays to find its stored groups. */
export interface Fingerprinter {
  readonly version: number;
  fingerprint(source: FingerprintSource): string;
  pattern(message: string): string;
}

/** The grouping rules' versions, oldest first; the last one names new groups. */
export const FINGERPRINTERS: readonly Fingerprinter[] = [
  {
    version: 1,
    fingerprint: (source) => fingerprintError(source),
    pattern: (message) => normalizeErrorMessage(message),
  },
];

/** The version that names new groups. */
export const currentFingerprinter = (fingerprinters: readonly Fingerprinter[]): Fingerprinter => {
  const current = fingerprinters.at(-1);
  if (current === undefined) throw new Error("at least one fingerprinter is needed");
  return current;
};
