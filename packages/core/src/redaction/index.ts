export { findSecrets } from "./find-secrets.js";
export { redactObject } from "./redact-object.js";
export {
  type MarkedRedaction,
  type RedactionMark,
  type RedactOptions,
  redactSecrets,
  redactSecretsMarked,
} from "./redact-secrets.js";
export { REDACTION_MARKER } from "./redaction-marker.js";
export { SECRET_EXAMPLES, type SecretExample } from "./secret-examples.js";
export { isSecretKeyName } from "./secret-key-name.js";
export { SECRET_SHAPES, type SecretShape, type SecretShapeExample } from "./secret-shapes.js";
export type { SecretSpan } from "./secret-span.js";
export { shortenRedacted } from "./shorten-redacted.js";
