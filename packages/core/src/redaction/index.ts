export { redactObject } from "./redact-object.js";
export { redactSecrets } from "./redact-secrets.js";
export { REDACTION_MARKER } from "./redaction-marker.js";
export { isSecretKeyName } from "./secret-key-name.js";
