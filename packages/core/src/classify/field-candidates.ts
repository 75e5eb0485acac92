import { type Candidate, candidate } from "./candidate.js";
import { SCORES } from "./scores.js";
import type { StepFields } from "./types.js";

/** At most this many names of each kind are read from the context, and this many complaints from the text. */
const MAX_FIELDS = 500;
const MAX_COMPLAINTS = 20;

const NAME = "['\"`]?([A-Za-z_$][\\w.$-]{0,79})['\"`]?";
/** The ways an error names the field it complains about: "X is required", "missing parameter X", "field 'X'". */
const COMPLAINTS: readonly RegExp[] = [
  new RegExp(
    `(?<![\\w.$-])${NAME} (?:is|are|was|must not be|cannot be|can't be) (?:a )?(?:required|mandatory|missing|empty|blank|invalid|null|undefined|not (?:valid|set|provided|defined|specified|configured|allowed))\\b`,
    "gi",
  ),
  new RegExp(
    `\\b(?:missing|required|invalid|unknown|empty|no) (?:required |mandatory )?(?:field|parameter|property|option|argument|setting|value for|configuration for)s?:? ${NAME}`,
    "gi",
  ),
  /\b(?:field|parameter|property|option|argument|setting) ['"`]([A-Za-z_$][\w.$-]{0,79})['"`]/gi,
];

/** A credential's name: an error about it is the credential's, whatever field holds it. */
const CREDENTIAL_NAME = /token|passw|secret|apikey|^key$|clientid|username|login|auth|credential|cert/;

/** A name as compared: letters and digits in lower case, so `openApiUrl`, `open_api_url` and `OpenAPIURL` agree. */
const comparable = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, "");

const namesOf = (value: unknown): Set<string> => {
  const names = new Set<string>();
  if (!Array.isArray(value)) return names;
  for (const name of value.slice(0, MAX_FIELDS))
    if (typeof name === "string" && name.length > 0) names.add(comparable(name));
  names.delete("");
  return names;
};

/** The field names the text complains about, as written, each with the last segment of a dotted path too. */
const complainedNames = (text: string): string[] => {
  const names: string[] = [];
  for (const complaint of COMPLAINTS) {
    complaint.lastIndex = 0;
    for (
      let match = complaint.exec(text);
      match && names.length < MAX_COMPLAINTS;
      match = complaint.exec(text)
    )
      names.push(match[1] as string);
  }
  return names;
};

const lastSegment = (name: string): string => name.slice(name.lastIndexOf(".") + 1);

/**
 * A complaint about a field the step's configuration has and its mapper does not set is a configuration mistake
 * (COMPONENT_ERROR); about a field the mapper sets and the configuration does not have, wrong data (MAPPING). A
 * name that is both, or neither, or a credential's, tells nothing.
 */
export const fieldCandidates = (text: string, stepFields: StepFields | undefined): Candidate[] => {
  if (typeof stepFields !== "object" || stepFields === null) return [];
  const configuration = namesOf(stepFields.configuration);
  const mapped = namesOf(stepFields.mapped);
  if (configuration.size === 0 && mapped.size === 0) return [];
  for (const written of complainedNames(text)) {
    for (const name of new Set([comparable(written), comparable(lastSegment(written))])) {
      if (CREDENTIAL_NAME.test(name)) continue;
      const configured = configuration.has(name);
      if (configured === mapped.has(name)) continue;
      const [cause, signal] = configured
        ? (["COMPONENT_ERROR", "namesConfigurationField"] as const)
        : (["MAPPING", "namesMappedField"] as const);
      return [candidate(cause, SCORES.namedStepField, { signal, source: "stepFields", value: written })];
    }
  }
  return [];
};
