import { createHash } from "node:crypto";

/** Hex digest of a label: the root of every derived id, so the same label always gives the same id. */
const digest = (label: string): string => createHash("sha256").update(label).digest("hex");

/** A deterministic 24-hex ObjectId derived from a label. */
export const objectIdFor = (label: string): string => digest(`oid:${label}`).slice(0, 24);

/** A deterministic 40-hex git hash derived from a label. */
export const shaFor = (label: string): string => digest(`sha:${label}`).slice(0, 40);

/** A deterministic 32-hex id (the logs' `exec_id`) derived from a label. */
export const hex32For = (label: string): string => digest(`hex:${label}`).slice(0, 32);

/** A deterministic version-4-shaped UUID derived from a label. */
export const uuidFor = (label: string): string => {
  const hex = digest(`uuid:${label}`);
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

/** A 24-hex MongoDB ObjectId. */
export const OBJECT_ID_PATTERN = /^[0-9a-f]{24}$/;
/** A 40-hex git hash. */
export const SHA_PATTERN = /^[0-9a-f]{40}$/;
