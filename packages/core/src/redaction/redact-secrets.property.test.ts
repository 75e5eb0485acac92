import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findSecrets } from "./find-secrets.js";
import { redactSecrets } from "./redact-secrets.js";
import { REDACTION_MARKER } from "./redaction-marker.js";
import { SECRET_EXAMPLES } from "./secret-examples.js";
import { SECRET_SHAPES } from "./secret-shapes.js";

// Ordinary log material: none of it names or looks like a secret.
const WORDS = [
  "error",
  "failed",
  "request",
  "timeout",
  "connection",
  "flow",
  "step",
  "message",
  "user",
  "record",
  "the",
  "to",
  "of",
  "with",
  "status",
  "code",
  "Unauthorized",
  "not",
  "found",
  "invalid",
  "value",
  "field",
  "is",
  "required",
  "retry",
  "webhook",
  "mapping",
  "component",
  "response",
  "body",
  "received",
  "customer",
  "order",
  "id",
  "Error:",
  "TypeError",
  "ECONNREFUSED",
  "at",
  "(index.js:12:5)",
  "Code:",
  "Message:",
  "Body:",
  "{}",
  "-",
  "null",
] as const;
const hex = (length: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${length}}$`));
const word = fc.constantFrom(...WORDS);
const isoDate = fc.integer({ min: 0, max: 4_102_444_800_000 }).map((ms) => new Date(ms).toISOString());
const host = fc.constantFrom(
  "api.example.com",
  "crm.acme.io",
  "10.0.0.12:8443",
  "localhost:3000",
  "eu.elastic.io",
);
const pathSegment = fc.oneof(
  fc.constantFrom("v2", "flows", "orders", "customers", "api"),
  hex(24),
  fc.nat().map(String),
);
const plainUrl = fc
  .tuple(fc.constantFrom("https", "http"), host, fc.array(pathSegment, { maxLength: 4 }), fc.nat(), word)
  .map(([scheme, h, path, page, q]) => `${scheme}://${h}/${path.join("/")}?page=${page}&q=${q}`);
const plainJson = fc
  .dictionary(
    fc.constantFrom("id", "name", "email", "status", "count", "items", "createdAt", "type", "message"),
    fc.oneof(word, fc.integer(), fc.boolean(), fc.constant(null), hex(24), isoDate),
  )
  .map((value) => JSON.stringify(value));
const ordinaryPiece = fc.oneof(
  { arbitrary: word, weight: 6 },
  fc.integer().map(String),
  hex(24),
  hex(32),
  hex(40),
  fc.uuid(),
  isoDate,
  plainUrl,
  plainJson,
  // Not `pwd=a@b.cc`: an address whose local part holds `key=` is a key and value, not ordinary text.
  fc.emailAddress().filter((address) => !address.includes("=")),
);
const joiner = fc.constantFrom(" ", ", ", ": ", "\n", " - ", "; ");
const ordinaryText = fc
  .array(fc.tuple(ordinaryPiece, joiner), { maxLength: 25 })
  .map((parts) => parts.map(([piece, join]) => piece + join).join(""));

/** A secret as it is written into the text, and the part of it that must not come out. */
interface Embedded {
  readonly text: string;
  readonly secret: string;
}
const PLACEHOLDER = "\u0000SECRET\u0000";
const embed = (template: string, secret: string): Embedded => ({
  text: template.replace(PLACEHOLDER, secret),
  secret,
});

const chars = (pattern: string, min: number, max: number) =>
  fc.stringMatching(new RegExp(`^[${pattern}]{${min},${max}}$`));
const anySecret = fc
  .string({ minLength: 8, maxLength: 40, unit: "grapheme" })
  .filter((s) => s.trim().length >= 8 && !s.includes("REDACTED"));
const b64token = fc.tuple(chars("A-Za-z0-9._~+/-", 7, 40), fc.nat(9)).map(([t, d]) => `${t}${d}`);
const mixedLetters = fc
  .tuple(chars("a-z", 10, 30), chars("A-Z", 10, 30))
  .map(([lower, upper]) => [...lower].flatMap((c, i) => [c, upper[i] ?? ""]).join(""));
const encoded = anySecret.map((s) => encodeURIComponent(s));
const caseOf = (name: string) =>
  fc.constantFrom(name, name.toUpperCase(), name[0]?.toUpperCase() + name.slice(1));
const secretName = fc
  .constantFrom(
    "password",
    "apiKey",
    "api_key",
    "client_secret",
    "refresh_token",
    "access_token",
    "secret",
    "token",
  )
  .chain(caseOf);

const FAMILIES: Record<string, fc.Arbitrary<Embedded>> = {
  "Authorization header": fc
    .tuple(
      fc.constantFrom("Authorization", "authorization", "Proxy-Authorization"),
      fc.constantFrom("Basic", "Bearer", "token", "Digest", "Custom", "AWS4-HMAC-SHA256"),
      b64token,
    )
    .map(([name, scheme, token]) => embed(`${name}: ${scheme} ${PLACEHOLDER}`, token)),
  "raw Authorization header": fc
    .tuple(b64token, word)
    .map(([token, w]) => embed(`Authorization: ${PLACEHOLDER} ${w}`, token)),
  "Digest response": hex(32).map((h) =>
    embed(`Authorization: Digest username="bob", response="${PLACEHOLDER}"`, h),
  ),
  "bearer in free text": fc
    .oneof(b64token, mixedLetters)
    .map((token) => embed(`called with Bearer ${PLACEHOLDER}`, token)),
  "URL password": fc
    .tuple(encoded, host)
    .map(([pass, h]) => embed(`https://bob:${PLACEHOLDER}@${h}/v2/x`, pass)),
  "query parameter": fc
    .tuple(
      fc.constantFrom(
        "api_key",
        "access_token",
        "password",
        "client_secret",
        "sig",
        "X-Amz-Signature",
        "apikey",
      ),
      encoded,
    )
    .map(([name, value]) => embed(`https://api.example.com/x?page=2&${name}=${PLACEHOLDER}&q=1`, value)),
  "form body": encoded.map((value) =>
    embed(`username=bob&password=${PLACEHOLDER}&grant_type=password`, value),
  ),
  "JSON body": fc.tuple(secretName, anySecret, plainJson).map(([name, secret, other]) => {
    const escaped = JSON.stringify(secret).slice(1, -1);
    return embed(`${other.slice(0, -1)}${other === "{}" ? "" : ","}"${name}": "${PLACEHOLDER}"}`, escaped);
  }),
  "JSON inside a JSON string": fc.tuple(secretName, anySecret).map(([name, secret]) => {
    const outer = JSON.stringify({ message: `Body: ${JSON.stringify({ [name]: secret, user: "bob" })}` });
    return { text: outer, secret: JSON.stringify(JSON.stringify(secret).slice(1, -1)).slice(1, -1) };
  }),
  JWT: fc
    .tuple(chars("A-Za-z0-9_-", 10, 40), chars("A-Za-z0-9_-", 10, 80), chars("A-Za-z0-9_-", 20, 60))
    .map(([h, p, s]) => embed(PLACEHOLDER, `eyJ${h}.eyJ${p}.${s}`)),
  "PEM private key": fc
    .tuple(
      fc.constantFrom("", "RSA ", "EC ", "ENCRYPTED ", "OPENSSH "),
      fc.array(chars("A-Za-z0-9+/", 16, 64), { minLength: 1, maxLength: 5 }),
    )
    .map(([kind, lines]) => {
      const body = lines.join("\n");
      return {
        text: `-----BEGIN ${kind}PRIVATE KEY-----\n${body}\n-----END ${kind}PRIVATE KEY-----`,
        secret: body,
      };
    }),
  "AWS access key id": chars("A-Z0-9", 16, 16).map((s) => ({ text: `AKIA${s}`, secret: s })),
  "AWS secret key": chars("A-Za-z0-9/+", 37, 37).map((s) =>
    embed(PLACEHOLDER, `${s.slice(0, 20)}Qz7${s.slice(20)}`),
  ),
  "GitHub token": fc
    .tuple(fc.constantFrom("ghp_", "gho_", "ghs_", "ghu_", "ghr_"), chars("A-Za-z0-9", 36, 40))
    .map(([prefix, s]) => ({ text: prefix + s, secret: s })),
  "GitHub fine-grained token": chars("A-Za-z0-9_", 22, 82).map((s) => ({
    text: `github_pat_${s}`,
    secret: s,
  })),
  "Slack token": fc
    .tuple(fc.constantFrom("xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-"), chars("A-Za-z0-9-", 10, 50))
    .map(([prefix, s]) => ({ text: prefix + s, secret: s })),
  "Stripe key": fc
    .tuple(fc.constantFrom("sk_live_", "rk_live_", "sk_test_"), chars("A-Za-z0-9", 10, 60))
    .map(([prefix, s]) => ({ text: prefix + s, secret: s })),
  "Google API key": chars("A-Za-z0-9_-", 35, 35).map((s) => ({ text: `AIza${s}`, secret: s })),
  "SendGrid key": fc
    .tuple(chars("A-Za-z0-9_-", 22, 22), chars("A-Za-z0-9_-", 43, 43))
    .map(([a, b]) => ({ text: `SG.${a}.${b}`, secret: `${a}.${b}` })),
  "npm token": chars("A-Za-z0-9", 36, 36).map((s) => ({ text: `npm_${s}`, secret: s })),
  "OpenAI key": chars("A-Za-z0-9_-", 20, 60).map((s) => ({ text: `sk-${s}`, secret: s })),
  "HubSpot token": fc
    .tuple(fc.constantFrom("pat-na1-", "pat-eu1-", "PAT-NA1-"), fc.uuid())
    .map(([prefix, id]) => ({ text: prefix + id, secret: id })),
  "Shopify token": fc
    .tuple(fc.constantFrom("shpat_", "shpss_", "shpca_", "shppa_"), hex(32))
    .map(([prefix, s]) => ({ text: prefix + s, secret: s })),
  "GitLab token": fc
    .tuple(fc.constantFrom("glpat-", "gldt-", "glrt-", "glptt-", "glsoat-"), chars("A-Za-z0-9_-", 20, 60))
    .map(([prefix, s]) => ({ text: prefix + s, secret: s })),
  "Slack webhook URL": fc
    .tuple(chars("A-Z0-9", 8, 10), chars("A-Z0-9", 8, 10), chars("A-Za-z0-9", 24, 24))
    .map(([team, bot, key]) => {
      const secret = `T${team}/B${bot}/${key}`;
      return { text: `https://hooks.slack.com/services/${secret}`, secret };
    }),
  "Salesforce session id": fc
    .tuple(chars("A-Za-z0-9", 12, 12), chars("A-Za-z0-9._", 40, 110))
    .map(([org, session]) => ({ text: `00D${org}!AQ${session}`, secret: `AQ${session}` })),
  "Anthropic key": chars("A-Za-z0-9_-", 30, 100).map((s) => ({ text: `sk-ant-api03-${s}`, secret: s })),
  "Google OAuth client secret": chars("A-Za-z0-9_-", 28, 28).map((s) => ({ text: `GOCSPX-${s}`, secret: s })),
  "Docker Hub token": chars("A-Za-z0-9_-", 27, 27).map((s) => ({ text: `dckr_pat_${s}`, secret: s })),
  "DigitalOcean token": hex(64).map((s) => ({ text: `dop_v1_${s}`, secret: s })),
  "database URL password": fc
    .tuple(
      fc.constantFrom("postgres", "postgresql", "mongodb+srv", "amqp", "redis", "mysql", "mssql"),
      fc.stringMatching(/^[A-Za-z0-9@:/#%!$&'()*+,;=~é€-]{8,30}$/).filter((p) => !p.includes("REDACTED")),
      host,
    )
    .map(([scheme, pass, h]) => embed(`${scheme}://etl:${PLACEHOLDER}@${h}/orders`, pass)),
  "password flag": fc
    .tuple(
      fc.constantFrom("--password", "--api-key", "--client-secret", "--token", "-password"),
      b64token.filter((value) => !value.startsWith("-")),
    )
    .map(([flag, value]) => embed(`cli ${flag} ${PLACEHOLDER} --verbose`, value)),
  "prose label": fc
    .tuple(
      fc.constantFrom(
        "API key: ",
        "api key is ",
        "Passwort: ",
        "mot de passe : ",
        "Пароль: ",
        "secret key = ",
      ),
      b64token,
    )
    .map(([label, value]) => embed(`${label}${PLACEHOLDER}`, value)),
  "XML element": fc
    .tuple(fc.constantFrom("password", "apiKey", "wsse:Password", "client_secret"), anySecret)
    .map(([name, secret]) => {
      const escaped = secret.replace(/&/g, "&amp;").replace(/</g, "&lt;");
      return embed(`<${name}>${PLACEHOLDER}</${name}>`, escaped);
    }),
  "JSON inside JSON inside a JSON string": fc.tuple(secretName, anySecret).map(([name, secret]) => {
    const text = JSON.stringify({
      log: JSON.stringify({ body: JSON.stringify({ [name]: secret, user: "bob" }) }),
    });
    const escaped = JSON.stringify(JSON.stringify(JSON.stringify(secret).slice(1, -1)).slice(1, -1)).slice(
      1,
      -1,
    );
    return { text, secret: escaped };
  }),
};

/** Every 6-character window of the secret that the surrounding text does not contain anyway. */
const leakedWindows = (output: string, secret: string, context: string): string[] => {
  const size = Math.min(6, secret.length);
  const leaks: string[] = [];
  for (let i = 0; i + size <= secret.length; i += 1) {
    const window = secret.slice(i, i + size);
    if (output.includes(window) && !context.includes(window)) leaks.push(window);
  }
  return leaks;
};

describe("redactSecrets properties", () => {
  it.each(Object.entries(FAMILIES))(
    "no part of a %s survives in surrounding text",
    (_family, family) => {
      fc.assert(
        fc.property(ordinaryText, family, ordinaryText, joiner, (before, embedded, after, join) => {
          const text = `${before}${join}${embedded.text}${join === ": " ? " " : join}${after}`;
          const context = text.replace(embedded.secret, REDACTION_MARKER);
          const output = redactSecrets(text);
          expect(leakedWindows(output, embedded.secret, context)).toEqual([]);
        }),
        { numRuns: 150 },
      );
    },
    30_000,
  );

  it("leaves ordinary text unchanged", () => {
    fc.assert(
      fc.property(ordinaryText, (text) => {
        expect(redactSecrets(text)).toBe(text);
      }),
      { numRuns: 1000 },
    );
  }, 30_000);

  it("findSecrets reports exactly what redactSecrets replaces", () => {
    const family = fc.constantFrom(...Object.values(FAMILIES)).chain((arbitrary) => arbitrary);
    fc.assert(
      fc.property(ordinaryText, family, ordinaryText, (before, embedded, after) => {
        const text = `${before} ${embedded.text} ${after}`;
        let out = "";
        let copied = 0;
        for (const span of findSecrets(text)) {
          out += text.slice(copied, span.from) + REDACTION_MARKER;
          copied = span.to;
        }
        expect(out + text.slice(copied)).toBe(redactSecrets(text));
      }),
      { numRuns: 300 },
    );
  }, 30_000);

  it("masks every catalogued example planted in ordinary text, once", () => {
    fc.assert(
      fc.property(
        ordinaryText,
        fc.constantFrom(...SECRET_EXAMPLES),
        ordinaryText,
        (before, example, after) => {
          const once = redactSecrets(`${before}\n${example.text}\n${after}`);
          expect(once).toContain(`\n${example.redacted}\n`);
          expect(redactSecrets(once)).toBe(once);
        },
      ),
      { numRuns: 500 },
    );
  }, 30_000);

  it("is idempotent even on secrets and separators glued together", () => {
    const piece = fc.oneof(
      fc.constantFrom(...SECRET_EXAMPLES.map((example) => example.text)),
      fc.string({ maxLength: 20 }),
      fc.constantFrom(
        " ",
        "\n",
        '"',
        "'",
        "=",
        ":",
        "@",
        "://",
        "\\",
        "-",
        "-u x ",
        "-p ",
        " is ",
        "datadog",
        REDACTION_MARKER,
      ),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (parts) => {
        const once = redactSecrets(parts.join(""));
        expect(redactSecrets(once)).toBe(once);
      }),
      { numRuns: 1000 },
    );
  }, 30_000);

  it("is idempotent", () => {
    const family = fc.constantFrom(...Object.values(FAMILIES)).chain((arbitrary) => arbitrary);
    fc.assert(
      fc.property(ordinaryText, family, ordinaryText, (before, embedded, after) => {
        const once = redactSecrets(`${before} ${embedded.text} ${after}`);
        expect(redactSecrets(once)).toBe(once);
      }),
      { numRuns: 300 },
    );
  }, 30_000);
});

// Inputs built to make a pattern try hard: its keywords glued together, a keyword followed by a long run of the
// characters its body accepts, its example glued to itself, and its example cut short so it almost matches.
const ADVERSARIAL_SIZE = 128 * 1024;
const fill = (unit: string): string => unit.repeat(Math.ceil(ADVERSARIAL_SIZE / Math.max(1, unit.length)));
const adversarial = (shape: (typeof SECRET_SHAPES)[number]): [string, string][] => {
  const example = shape.examples[0]?.text ?? "";
  const keywords = shape.keywords.length > 0 ? shape.keywords.slice(0, 3) : ["A"];
  return [
    ...keywords.map((keyword): [string, string] => [`keyword ${keyword} glued`, fill(keyword)]),
    [`keyword then a long run`, `${keywords[0]}${fill("aB3_-")}`],
    ["example glued", fill(example)],
    ["example cut short", fill(`${example.slice(0, -1)} `)],
    ["example without its end", fill(example.slice(0, Math.max(1, Math.floor(example.length * 0.7))))],
  ];
};

describe.each(SECRET_SHAPES.map((shape) => [shape.id, shape] as const))(
  "redactSecrets on adversarial input for %s",
  (_id, shape) => {
    it.each(adversarial(shape))("%s: linear time", (_what, text) => {
      const started = performance.now();
      redactSecrets(text);
      expect(performance.now() - started).toBeLessThan(1500);
    });
  },
);

describe("redactSecrets on adversarial input for the structural detectors", () => {
  it.each([
    "a://b:c@",
    "https://u:",
    "https://u:p@h?x@",
    "<password>",
    '<add key="password" value="',
    "<![CDATA[",
    "--password ",
    "-u x -p ",
    "curl -u a:",
    "API key: ",
    "password is ",
    "Пароль: ",
    "Basic ",
    "bearer ",
    '\\\\\\"password\\\\\\":\\\\\\"',
    '"\\u0070assword":',
    `${"\\".repeat(40)}"`,
  ])("%j repeated: linear time", (unit) => {
    const started = performance.now();
    redactSecrets(fill(unit));
    expect(performance.now() - started).toBeLessThan(1500);
  });
});
