import { isSecretKeyName } from "./secret-key-name.js";
import { KEY_VALUE, type SecretSpan } from "./secret-span.js";

// A start tag: `<password>`, `<wsse:Password Type="...">`, `<add key="ApiKey" value="..." />`. Attributes are
// bounded, and a `<` or `>` inside them ends the attempt, so a failed attempt is short.
const START_TAG = /<(?:[A-Za-z_][\w.-]{0,63}:)?([A-Za-z_][\w.-]{0,63})((?:\s[^<>]{0,1024})?)>/g;
// `key="Password"`, `name='api_key'`: the attribute that names the setting in `<add>`, `<entry>`, `<param>`...
const NAME_ATTRIBUTE = /(?:^|\s)(?:key|name)\s*=\s*(["'])([^"'<>]{1,128})\1/;
const VALUE_ATTRIBUTE = /(?:^|\s)value\s*=\s*(["'])/;
const CDATA = "<![CDATA[";

/** The text content of an element whose start tag ends at `at`: up to the next tag, or the CDATA section. */
const contentSpan = (text: string, at: number): SecretSpan | undefined => {
  if (text.startsWith(CDATA, at)) {
    const from = at + CDATA.length;
    const end = text.indexOf("]]>", from);
    return { from, to: end === -1 ? text.length : end, kind: KEY_VALUE };
  }
  const end = text.indexOf("<", at);
  const to = end === -1 ? text.length : end;
  return to > at && text.slice(at, to).trim() !== "" ? { from: at, to, kind: KEY_VALUE } : undefined;
};

/** The `value="..."` attribute of a start tag whose attributes start at `at`. */
const valueAttributeSpan = (at: number, attributes: string): SecretSpan | undefined => {
  const value = VALUE_ATTRIBUTE.exec(attributes);
  if (value === null) return undefined;
  const start = value.index + value[0].length;
  const end = attributes.indexOf(value[1] ?? '"', start);
  return end > start ? { from: at + start, to: at + end, kind: KEY_VALUE } : undefined;
};

/**
 * Where secrets sit in XML: the content of secret-named elements (`<password>x</password>`,
 * `<wsse:Password>x</wsse:Password>`, `<apiKey><![CDATA[x]]></apiKey>`), and settings named by a `key` or `name`
 * attribute (`<add key="Password" value="x"/>`, `<entry key="api.token">x</entry>`).
 */
export const findXmlValues = (text: string): SecretSpan[] => {
  if (!text.includes("</") && !text.includes("/>")) return [];
  const spans: SecretSpan[] = [];
  const tags = START_TAG;
  tags.lastIndex = 0;
  for (let match = tags.exec(text); match !== null; match = tags.exec(text)) {
    const attributes = match[2] ?? "";
    const selfClosing = attributes.endsWith("/");
    const named = NAME_ATTRIBUTE.exec(attributes)?.[2];
    let span: SecretSpan | undefined;
    if (named !== undefined && isSecretKeyName(named)) {
      const attributesAt = match.index + match[0].length - 1 - attributes.length;
      span =
        valueAttributeSpan(attributesAt, attributes) ??
        (selfClosing ? undefined : contentSpan(text, tags.lastIndex));
    } else if (!selfClosing && isSecretKeyName(match[1] ?? "")) {
      span = contentSpan(text, tags.lastIndex);
    }
    if (span === undefined) continue;
    spans.push(span);
    tags.lastIndex = Math.max(tags.lastIndex, span.to);
  }
  return spans;
};
