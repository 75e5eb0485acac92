import { REDACTION_MARKER } from "./redaction-marker.js";
import { SECRET_SHAPES } from "./secret-shapes.js";
import { KEY_VALUE, PRIVATE_KEY, URL_PASSWORD } from "./secret-span.js";

/** A secret as it may appear in a log, what {@link redactSecrets} makes of it, and the kind of span it is. */
export interface SecretExample {
  readonly kind: string;
  readonly text: string;
  readonly redacted: string;
}

const M = REDACTION_MARKER;
const FAKE = "FakeExample0Redact1Dummy2Sample3Value4Test5Only6NotReal7Demo8Value9";
const fake = (length: number): string => FAKE.repeat(Math.ceil(length / FAKE.length)).slice(0, length);
const FAKE_UUID = "01234567-89ab-4cde-8f01-23456789abcd";

/** `text` with each `{}` holding the secret: the text, and the text with the marker in its place. */
const planted = (kind: string, template: string, secret: string): SecretExample => ({
  kind,
  text: template.replaceAll("{}", secret),
  redacted: template.replaceAll("{}", M),
});

const pem = (label: string, body: string): SecretExample => ({
  kind: PRIVATE_KEY,
  text: `-----BEGIN ${label}-----${body}-----END ${label}-----`,
  redacted: `-----BEGIN ${label}-----${M}-----END ${label}-----`,
});
const pemBody = `\nMIIEowIBAAKCAQEA${fake(48)}\n${fake(64)}\n${fake(30)}==\n`;
const jsonPem = JSON.stringify({ note: `-----BEGIN PRIVATE KEY-----${pemBody}-----END PRIVATE KEY-----` });

const nested = (secret: string): string =>
  JSON.stringify({ log: JSON.stringify({ body: JSON.stringify({ user: "bob", password: secret }) }) });

const STRUCTURAL: readonly SecretExample[] = [
  pem("RSA PRIVATE KEY", pemBody),
  pem("OPENSSH PRIVATE KEY", `\nb3BlbnNzaC1rZXktdjEAAAAA${fake(46)}\n${fake(70)}\n`),
  pem("PGP PRIVATE KEY BLOCK", `\n\nlQOYBF${fake(58)}\n=FAKE\n`),
  pem("ENCRYPTED PRIVATE KEY", pemBody),
  {
    kind: PRIVATE_KEY,
    text: jsonPem,
    redacted: JSON.stringify({ note: `-----BEGIN PRIVATE KEY-----${M}-----END PRIVATE KEY-----` }),
  },
  planted(URL_PASSWORD, "postgres://etl:{}@db.example.com:5432/orders", "p@ss:w/rd#1%40é"),
  planted(
    URL_PASSWORD,
    "mongodb+srv://app:{}@cluster0.fake.mongodb.net/orders?retryWrites=true",
    "S3cr%2Ft!",
  ),
  planted(URL_PASSWORD, "amqp://guest:{}@rabbit.example.com:5672/%2f", "Fake-Pass-0001"),
  planted(URL_PASSWORD, "redis://:{}@cache.example.com:6379/0", "r3dis-Fake-pa55"),
  planted(URL_PASSWORD, "mysql://root:{}@localhost/app", "pässwörd-ü"),
  planted(URL_PASSWORD, "https://ops%40example.com:{}@api.elastic.io/v2/flows", FAKE_UUID),
  planted(URL_PASSWORD, "https://{}@git.example.com/org/repo.git", fake(32)),
  planted(KEY_VALUE, '{"user":"bob","password":"{}"}', "Fake-Pass-0002"),
  planted(KEY_VALUE, '{\\"user\\":\\"bob\\",\\"password\\":\\"{}\\"}', "Fake-Pass-0003"),
  { kind: KEY_VALUE, text: nested("Fake-Pass-0004"), redacted: nested(M) },
  planted(KEY_VALUE, '{"\\u0070assword":"{}"}', "Fake-Pass-0005"),
  planted(KEY_VALUE, "database:\n  user: etl\n  password: {}\n  host: db", "Fake-Pass-0006"),
  planted(KEY_VALUE, "<login><username>bob</username><password>{}</password></login>", "Fake-Pass-0007"),
  planted(KEY_VALUE, "<apiKey>{}</apiKey>", fake(32)),
  planted(KEY_VALUE, '<add key="ApiKey" value="{}" />', "Fake-Key-0008"),
  planted(KEY_VALUE, '<wsse:Password Type="PasswordText"><![CDATA[{}]]></wsse:Password>', "Fake-Pass-0009"),
  planted(KEY_VALUE, "X-Api-Key: {}", "Fake-Key-0010"),
  planted(KEY_VALUE, "X-Auth-Token: {}", "Fake-Token-0011"),
  planted(KEY_VALUE, "Ocp-Apim-Subscription-Key: {}", fake(32)),
  planted(KEY_VALUE, "Cookie: {}", "session=Fake-Session-0012; theme=dark"),
  planted(KEY_VALUE, "Set-Cookie: {}", "sid=Fake-Session-0013; Path=/; HttpOnly"),
  planted(KEY_VALUE, "docker login --username bob --password {} registry.example.com", "Fake-Pass-0014"),
  planted(KEY_VALUE, "deploy --token={} --verbose", "Fake-Token-0015"),
  planted(KEY_VALUE, 'oauth --client-secret "{}" --scope read', "Fake Secret 0016"),
  planted(KEY_VALUE, "mysql -u root -p{} orders", "Fake-Pass-0017"),
  planted(KEY_VALUE, "docker login -u bob -p {} registry.example.com", "Fake-Pass-0018"),
  planted(KEY_VALUE, "curl -u bob:{} https://api.example.com/v1", "Fake-Pass-0019"),
  planted(KEY_VALUE, "API key: {}", "Fake-Key-0020"),
  planted(KEY_VALUE, "the api key is {}.", "Fake-Key-0021"),
  planted(KEY_VALUE, "Passwort: {}", "Fake-Pass-0022"),
  planted(KEY_VALUE, "mot de passe : {}", "Fake-Pass-0023"),
  planted(KEY_VALUE, "Пароль: {}", "Fake-Pass-0024"),
  planted(KEY_VALUE, "Contraseña = {}", "Fake-Pass-0025"),
  planted(KEY_VALUE, "token={}", "Fake-Token-0026"),
  planted(
    KEY_VALUE,
    "DefaultEndpointsProtocol=https;AccountName=acme;AccountKey={};EndpointSuffix=core.windows.net",
    `${fake(86)}==`,
  ),
  planted(
    KEY_VALUE,
    "https://acme.blob.core.windows.net/in/a.csv?sv=2022-11-02&se=2026-01-01&sr=b&sp=r&sig={}",
    `${fake(43)}%3D`,
  ),
  planted(KEY_VALUE, "ELASTICIO_API_KEY={}", FAKE_UUID),
  planted("basic-credentials", "Authorization: Basic {}", btoa(`ops@example.com:${FAKE_UUID}`)),
  {
    kind: KEY_VALUE,
    text: JSON.stringify({
      cfg: {
        apiKey: "Fake-Key-0027",
        oauth: { access_token: "Fake-Token-0028", expires_in: 3600 },
        user: "bob",
      },
    }),
    redacted: JSON.stringify({
      cfg: { apiKey: M, oauth: { access_token: M, expires_in: 3600 }, user: "bob" },
    }),
  },
];

/**
 * One example of every kind of secret {@link redactSecrets} masks: each example of {@link SECRET_SHAPES} (its
 * `kind` is the shape's id), and secrets found by their key, URL or armour (`key-value`, `url-password`,
 * `private-key`): JSON at several escaping levels, YAML, XML, headers, cookies, command-line flags, prose labels
 * in several languages, connection strings and URLs with odd passwords, elastic.io API keys and component
 * `cfg`. Every value is obviously fake. Other packages plant them to prove a surface redacts. Read-only.
 */
export const SECRET_EXAMPLES: readonly SecretExample[] = Object.freeze(
  [
    ...SECRET_SHAPES.flatMap((shape) =>
      shape.examples.map((example) => ({ kind: shape.id, text: example.text, redacted: example.redacted })),
    ),
    ...STRUCTURAL,
  ].map((example) => Object.freeze(example)),
);
