import { redactObject, redactSecrets } from "@flowdoctor/core";
import {
  defaultFieldResolver,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  isObjectType,
  isScalarType,
} from "graphql";

/**
 * `Type.field` coordinates of String fields that pass unredacted. Bytes: a screenshot's base64 is no text to search
 * for secrets (a text attachment's bytes are redacted when read). And the ticket preview's texts: they are what
 * leaves, built by the ticket message's own redaction, which keeps the texts a person restored (`restoreRedaction`);
 * redacting them again would show a preview that differs from what is delivered.
 */
export const NOT_TEXT_FIELDS: ReadonlySet<string> = new Set([
  "TicketAttachment.base64",
  "TicketPreview.subject",
  "TicketPreview.text",
  "TicketPreviewAttachment.text",
  "TicketPreviewField.text",
]);

// Scalars that cannot carry free text: ids (platform ObjectIds, ticket UUIDs, which clients pass back as they got
// them), numbers, flags and validated times. A scalar missing from both lists stops the schema build.
const NOT_TEXT_SCALARS = new Set(["ID", "Int", "Float", "Boolean", "DateTimeISO"]);

type Redact = (value: unknown, context: unknown) => unknown;

// An answer repeats many texts (a step id, a classification's remedy, a flow's name); each is redacted once per
// request. The cache lives as long as the request's context, so no text outlives the answer it was part of.
const textsOfRequest = new WeakMap<object, Map<string, string>>();

const redactText = (text: string, context: unknown): string => {
  if (typeof context !== "object" || context === null) return redactSecrets(text);
  let texts = textsOfRequest.get(context);
  if (texts === undefined) {
    texts = new Map();
    textsOfRequest.set(context, texts);
  }
  let redacted = texts.get(text);
  if (redacted === undefined) {
    redacted = redactSecrets(text);
    texts.set(text, redacted);
  }
  return redacted;
};

// How a value of each text-bearing scalar is redacted: free text, or JSON (values under secret-named keys too).
const REDACT_SCALAR: Readonly<Record<string, Redact>> = {
  String: (value, context) => (typeof value === "string" ? redactText(value, context) : value),
  JSON: (value) => redactObject(value),
};

/** `redact` for a value, or for each value of a (nested) list; `null` stays. */
const redactEach = (redact: Redact): Redact => {
  const each: Redact = (value, context) => {
    if (Array.isArray(value)) return value.map((item) => each(item, context));
    return value === null || value === undefined ? value : redact(value, context);
  };
  return each;
};

const redactorOf = (type: GraphQLNamedType, coordinate: string): Redact | undefined => {
  if (!isScalarType(type) || NOT_TEXT_SCALARS.has(type.name) || NOT_TEXT_FIELDS.has(coordinate))
    return undefined;
  const redact = REDACT_SCALAR[type.name];
  if (redact === undefined)
    throw new Error(`${coordinate}: scalar ${type.name} is neither redacted nor known to carry no text`);
  return redactEach(redact);
};

const isPromiseLike = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as PromiseLike<unknown> | null)?.then === "function";

const redactingResolver = (
  field: GraphQLField<unknown, unknown>,
  redact: Redact,
): GraphQLFieldResolver<unknown, unknown> => {
  const resolve = field.resolve ?? defaultFieldResolver;
  return (source, args, context, info) => {
    const value = resolve(source, args, context, info);
    return isPromiseLike(value) ? value.then((settled) => redact(settled, context)) : redact(value, context);
  };
};

/**
 * The gateway's one redaction step for GraphQL answers: every field whose type is `String` or `JSON` (or a list of
 * them), on every object type, passes its value through core's `redactSecrets` (`redactObject` for JSON) after its
 * resolver, whatever the resolver did. A field added later is covered without a thought; only
 * {@link NOT_TEXT_FIELDS} are left out, and a new scalar must be classified here before the schema builds.
 * Changes `schema` in place and returns it.
 */
export const redactAnswers = (schema: GraphQLSchema): GraphQLSchema => {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      const redact = redactorOf(getNamedType(field.type), `${type.name}.${field.name}`);
      if (redact !== undefined) field.resolve = redactingResolver(field, redact);
    }
  }
  return schema;
};
