import { describe, expect, it } from "vitest";
import { redactSecrets } from "./redact-secrets.js";
import { REDACTION_MARKER } from "./redaction-marker.js";

const R = REDACTION_MARKER;

describe("redactSecrets: headers", () => {
  it.each([
    ["Authorization: Basic dXNlcjpwYXNzd29yZA==", `Authorization: Basic ${R}`],
    ["authorization: Bearer abc.def-123_x", `authorization: Bearer ${R}`],
    ["Authorization: token ghp_notreallyatoken", `Authorization: token ${R}`],
    ["Proxy-Authorization: Bearer 123abc\nAccept: */*", `Proxy-Authorization: Bearer ${R}\nAccept: */*`],
    ["Authorization: s3cr3t-raw-token next\nHost: x", `Authorization: ${R}\nHost: x`],
  ])("masks the credentials of %j", (text, expected) => {
    expect(redactSecrets(text)).toBe(expected);
  });

  it("masks schemes with parameters (Digest, AWS4) to the end of the line", () => {
    const digest = 'Authorization: Digest username="Mufasa", nonce="dcd98b", response="6629fae49393a053"';
    expect(redactSecrets(`${digest}\nHost: x`)).toBe(`Authorization: Digest ${R}\nHost: x`);
    const aws = "Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830, Signature=5d672d79c1";
    expect(redactSecrets(aws)).toBe(`Authorization: AWS4-HMAC-SHA256 ${R}`);
  });

  it("masks Cookie headers and API key headers", () => {
    expect(redactSecrets("Cookie: sid=abc123; theme=dark")).toBe(`Cookie: ${R}`);
    expect(redactSecrets("X-Api-Key: 0123456789abcdef")).toBe(`X-Api-Key: ${R}`);
  });

  it("masks Bearer and Basic credentials in free text but not the words", () => {
    expect(redactSecrets("sent Bearer 8f2b1c9d0e and got 401")).toBe(`sent Bearer ${R} and got 401`);
    expect(redactSecrets("sent basic YWRtaW46YWRtaW4=")).toBe(`sent basic ${R}`);
    expect(redactSecrets("sent Bearer qWeRtYuIoPaSdFgHjKlZxCv")).toBe(`sent Bearer ${R}`);
    const words = "Basic authentication needs a Bearer token; basic setup";
    expect(redactSecrets(words)).toBe(words);
  });
});

describe("redactSecrets: URLs, query strings and form bodies", () => {
  it("masks the password in a URL and keeps the user", () => {
    expect(redactSecrets("GET https://bob:s3cret@api.example.com/v1")).toBe(
      `GET https://bob:${R}@api.example.com/v1`,
    );
    expect(redactSecrets("mongodb://admin:p@ss:w0rd@db1,db2/app")).toBe(`mongodb://admin:${R}@db1,db2/app`);
  });

  it("masks secret query parameters and keeps the others", () => {
    const url =
      "https://x.io/a?page=2&api_key=k1&access_token=t2&password=p3&client_secret=c4&sig=s5&X-Amz-Signature=a6#top";
    expect(redactSecrets(url)).toBe(
      `https://x.io/a?page=2&api_key=${R}&access_token=${R}&password=${R}&client_secret=${R}&sig=${R}&X-Amz-Signature=${R}`,
    );
  });

  it("masks command-line flags and dotted names", () => {
    expect(redactSecrets("run --password=abc -api-key=def .token=ghi $secret = jkl")).toBe(
      `run --password=${R} -api-key=${R} .token=${R} $secret = ${R}`,
    );
    expect(redactSecrets("db.main.password=abc")).toBe(`db.main.password=${R}`);
  });

  it("masks values of long key names", () => {
    const key = `my_application_database_connection_configuration_${"x".repeat(40)}_password`;
    expect(redactSecrets(`${key}=abc`)).toBe(`${key}=${R}`);
  });

  it("masks form bodies and connection strings", () => {
    expect(redactSecrets("username=bob&password=hunter%262&grant_type=password")).toBe(
      `username=bob&password=${R}&grant_type=password`,
    );
    expect(redactSecrets("Server=db;User Id=sa;Password=Pa55;Encrypt=true")).toBe(
      `Server=db;User Id=sa;Password=${R};Encrypt=true`,
    );
    expect(redactSecrets("AccountName=acme;AccountKey=bXlrZXk=;EndpointSuffix=core.windows.net")).toBe(
      `AccountName=acme;AccountKey=${R};EndpointSuffix=core.windows.net`,
    );
  });
});

describe("redactSecrets: JSON and object dumps", () => {
  it("masks secret-named keys in any case and keeps the rest", () => {
    const body = JSON.stringify({
      user: "bob",
      Password: "hunter2",
      apiKey: "k-1",
      client_secret: "cs",
      refresh_token: "rt",
      ACCESS_TOKEN: "at",
      secret: "s",
      token: "t",
      private_key: "pk",
      count: 3,
    });
    const expected = `{"user":"bob","Password":"${R}","apiKey":"${R}","client_secret":"${R}","refresh_token":"${R}","ACCESS_TOKEN":"${R}","secret":"${R}","token":"${R}","private_key":"${R}","count":3}`;
    expect(redactSecrets(body)).toBe(expected);
  });

  it("masks values with escaped quotes whole", () => {
    const body = JSON.stringify({ password: 'a"b\\"c', next: 1 });
    expect(redactSecrets(body)).toBe(`{"password":"${R}","next":1}`);
  });

  it("masks JSON inside a JSON string", () => {
    const inner = JSON.stringify({ password: 'x"y', user: "bob" });
    const outer = JSON.stringify({ message: `Body: ${inner}` });
    expect(redactSecrets(outer)).toBe(JSON.stringify({ message: `Body: {"password":"${R}","user":"bob"}` }));
  });

  it("masks numbers and keeps null and booleans", () => {
    expect(redactSecrets('{"pin": 1234, "token": null, "secretSet": true, "n": 1}')).toBe(
      `{"pin": ${R}, "token": null, "secretSet": true, "n": 1}`,
    );
  });

  it("masks objects and arrays under secret-named keys whole, and nested secret keys elsewhere", () => {
    expect(redactSecrets('{"secret": {"kind": "x]}", "v": [1, {"a": "b"}]}, "user": "bob"}')).toBe(
      `{"secret": ${R}, "user": "bob"}`,
    );
    expect(redactSecrets('{"set-cookie": ["sid=1", "t=2"], "auth": {"password": "p"}}')).toBe(
      `{"set-cookie": ${R}, "auth": ${R}}`,
    );
    expect(redactSecrets('{"config": {"user": "bob", "password": "p"}}')).toBe(
      `{"config": {"user": "bob", "password": "${R}"}}`,
    );
    expect(redactSecrets('cut off: {"tokens": [1, 2')).toBe(`cut off: {"tokens": ${R}`);
  });

  it("masks util.inspect output", () => {
    expect(redactSecrets("{ user: 'bob', token: 'abc', passwd: \"def\" }")).toBe(
      `{ user: 'bob', token: '${R}', passwd: "${R}" }`,
    );
  });
});

describe("redactSecrets: tokens known by shape", () => {
  const ghp = `ghp_${"a1B2".repeat(9)}`;
  it.each([
    ["JWT", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.SflKxwRJSMeKKF2QT4fwpM", R],
    ["AWS access key id", "AKIAIOSFODNN7EXAMPLE", `AKIA${R}`],
    ["AWS secret key", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", R],
    ["GitHub classic", ghp, `ghp_${R}`],
    ["GitHub OAuth", `gho_${"Z9".repeat(18)}`, `gho_${R}`],
    ["GitHub fine-grained", `github_pat_11ABCDEFG0123456789_${"x".repeat(30)}`, `github_pat_${R}`],
    ["Slack", "xoxb-123456789012-abcdefABCDEF", `xoxb-${R}`],
    ["Stripe", "sk_live_51HxYz0123456789abc", `sk_live_${R}`],
    ["Stripe restricted", "rk_live_0123456789abcdef", `rk_live_${R}`],
    ["Google", `AIza${"Sy0-_".repeat(7)}`, `AIza${R}`],
    ["SendGrid", `SG.${"a".repeat(22)}.${"B".repeat(43)}`, `SG.${R}`],
    ["npm", `npm_${"x9".repeat(18)}`, `npm_${R}`],
    ["OpenAI", "sk-proj-AbCdEf0123456789ghijKLMN", `sk-${R}`],
  ])("masks a %s", (_family, token, masked) => {
    expect(redactSecrets(`before ${token} after`)).toBe(`before ${masked} after`);
  });

  it("masks PEM private keys, raw and inside JSON, keeping the armour", () => {
    const pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKC\nAQEA7x\n-----END RSA PRIVATE KEY-----";
    expect(redactSecrets(`key:\n${pem}\nend`)).toBe(
      `key:\n-----BEGIN RSA PRIVATE KEY-----${R}-----END RSA PRIVATE KEY-----\nend`,
    );
    expect(redactSecrets(JSON.stringify({ note: pem }))).toBe(
      JSON.stringify({ note: `-----BEGIN RSA PRIVATE KEY-----${R}-----END RSA PRIVATE KEY-----` }),
    );
  });

  it("masks a PEM key without its END line to the end of the text", () => {
    expect(redactSecrets("x -----BEGIN PRIVATE KEY-----\nMIIE\nabc")).toBe(
      `x -----BEGIN PRIVATE KEY-----${R}`,
    );
  });
});

describe("redactSecrets: reported misses", () => {
  const uuid = "01234567-89ab-4cde-8f01-23456789abcd";
  it.each([
    ["HubSpot private app token (US)", `hubspot: pat-na1-${uuid} refused`, `hubspot: pat-na1-${R} refused`],
    ["HubSpot private app token (EU)", `using pat-eu1-${uuid}`, `using pat-eu1-${R}`],
    ["Shopify access token", `shpat_${"0a1b".repeat(8)} rejected`, `shpat_${R} rejected`],
    ["Shopify shared secret", `shpss_${"0a1b".repeat(8)}`, `shpss_${R}`],
    ["GitLab personal token", `glpat-${"xY9_".repeat(5)} expired`, `glpat-${R} expired`],
    ["GitLab deploy token", `gldt-${"xY9-".repeat(5)}`, `gldt-${R}`],
    ["Slack bot token", `xoxb-123456789012-1234567890123-${"aB3d".repeat(6)}`, `xoxb-${R}`],
    ["Slack app token", `xapp-1-A0FAKE00000-1234567890123-${"ab12".repeat(16)}`, `xapp-${R}`],
    [
      "Slack webhook",
      `POST https://hooks.slack.com/services/T0FAKE000/B0FAKE000/${"aB3d".repeat(6)} failed`,
      `POST https://hooks.slack.com/services/${R} failed`,
    ],
    [
      "Salesforce session id",
      `sid 00D5g000004Fake!AQcAQ${"aB3d.".repeat(20)} invalid`,
      `sid 00D5g000004Fake!${R} invalid`,
    ],
  ])("masks a %s", (_what, text, expected) => {
    expect(redactSecrets(text)).toBe(expected);
  });

  it("masks lower-case bearer and Basic credentials anywhere in free text", () => {
    expect(redactSecrets("retrying with bearer xyz")).toBe(`retrying with bearer ${R}`);
    expect(redactSecrets("header was BEARER abc.def")).toBe(`header was BEARER ${R}`);
    expect(redactSecrets(`curl sent basic ${btoa("bob:hunter2")} twice`)).toBe(`curl sent basic ${R} twice`);
    expect(redactSecrets(`{"auth":"Basic ${btoa("ops@example.com:k")}"}`)).toBe(`{"auth":"${R}"}`);
  });

  it("masks secret-named command-line flags with a blank before the value", () => {
    expect(redactSecrets("run --password hunter2 --verbose")).toBe(`run --password ${R} --verbose`);
    expect(redactSecrets("run --password=hunter2")).toBe(`run --password=${R}`);
    expect(redactSecrets("cli --api-key k-1 --token t-2 --client-secret 'c 3'")).toBe(
      `cli --api-key ${R} --token ${R} --client-secret '${R}'`,
    );
    expect(redactSecrets("docker login -u bob -p s3cret registry.example.com")).toBe(
      `docker login -u bob -p ${R} registry.example.com`,
    );
    expect(redactSecrets("mysql -u root -ps3cret orders")).toBe(`mysql -u root -p${R} orders`);
    expect(redactSecrets("curl -u bob:hunter2 https://api.example.com")).toBe(
      `curl -u bob:${R} https://api.example.com`,
    );
  });

  it("leaves flags that are not passwords alone", () => {
    for (const text of [
      "ssh -p 22 deploy@host",
      "docker run -u 1000:1000 -p 8080:80 image",
      "docker login --password-stdin registry.example.com",
      "use --token to sign in",
      "tar -p -f archive.tar",
      "ls -la --time-style=iso",
    ]) {
      expect(redactSecrets(text)).toBe(text);
    }
  });

  it.each([
    ["API key: k-123", `API key: ${R}`],
    ["the api key is abc123def.", `the api key is ${R}.`],
    ["password: hunter2", `password: ${R}`],
    ["Passwort: geheim", `Passwort: ${R}`],
    ["Kennwort = geheim", `Kennwort = ${R}`],
    ["mot de passe : secret", `mot de passe : ${R}`],
    ["Contraseña: secreta", `Contraseña: ${R}`],
    ["a senha é Segredo1", `a senha é ${R}`],
    ["Пароль: тайна", `Пароль: ${R}`],
    ["token=x", `token=${R}`],
    ["client secret: cs-1", `client secret: ${R}`],
    ["the session id is Abc123xyz", `the session id is ${R}`],
  ])("masks the value of the prose label in %j", (text, expected) => {
    expect(redactSecrets(text)).toBe(expected);
  });

  it.each([
    "password is required",
    "the api key is missing",
    "token expired",
    "token is invalid",
    "Error: invalid_token: token expired at 2026-01-01T00:00:00Z",
    "client id: 12345",
    '{"token_type":"Bearer","expires_in":3600}',
  ])("leaves %j alone", (text) => {
    expect(redactSecrets(text)).toBe(text);
  });

  it("masks keys escaped once, twice or with unicode escapes", () => {
    expect(redactSecrets('{\\"password\\":\\"x\\"}')).toBe(`{\\"password\\":\\"${R}\\"}`);
    expect(redactSecrets('{\\\\\\"password\\\\\\":\\\\\\"x\\\\\\"}')).toBe(
      `{\\\\\\"password\\\\\\":\\\\\\"${R}\\\\\\"}`,
    );
    const twice = JSON.stringify({
      log: JSON.stringify({ body: JSON.stringify({ password: 'a"b', user: "bob" }) }),
    });
    const masked = JSON.stringify({
      log: JSON.stringify({ body: JSON.stringify({ password: R, user: "bob" }) }),
    });
    expect(redactSecrets(twice)).toBe(masked);
    expect(redactSecrets('{"\\u0070assword":"x"}')).toBe(`{"\\u0070assword":"${R}"}`);
  });

  it("masks YAML, XML and header values", () => {
    expect(redactSecrets("db:\n  password: hunter2\n  host: db")).toBe(`db:\n  password: ${R}\n  host: db`);
    expect(redactSecrets("<user>bob</user><password>x</password>")).toBe(
      `<user>bob</user><password>${R}</password>`,
    );
    expect(redactSecrets("<apiKey>abc</apiKey> <ns:Password a='1'><![CDATA[p<w]]></ns:Password>")).toBe(
      `<apiKey>${R}</apiKey> <ns:Password a='1'><![CDATA[${R}]]></ns:Password>`,
    );
    expect(redactSecrets('<add key="ClientSecret" value="cs-1"/><add key="Timeout" value="30"/>')).toBe(
      `<add key="ClientSecret" value="${R}"/><add key="Timeout" value="30"/>`,
    );
    expect(redactSecrets("X-Api-Key: k\nX-Auth-Token: t\nSet-Cookie: sid=1; Path=/\nAccept: */*")).toBe(
      `X-Api-Key: ${R}\nX-Auth-Token: ${R}\nSet-Cookie: ${R}\nAccept: */*`,
    );
  });

  it("masks elastic.io's own credentials", () => {
    const key = "01234567-89ab-4cde-8f01-23456789abcd";
    expect(redactSecrets(`Authorization: Basic ${btoa(`ops@example.com:${key}`)}`)).toBe(
      `Authorization: Basic ${R}`,
    );
    expect(redactSecrets(`ELASTICIO_API_KEY=${key} node run.js`)).toBe(`ELASTICIO_API_KEY=${R} node run.js`);
    expect(redactSecrets(`GET https://ops%40example.com:${key}@api.elastic.io/v2/flows`)).toBe(
      `GET https://ops%40example.com:${R}@api.elastic.io/v2/flows`,
    );
    const cfg = JSON.stringify({
      cfg: { apiKey: "k", oauth: { refresh_token: "r", expires_in: 1 }, user: "bob" },
    });
    expect(redactSecrets(cfg)).toBe(
      JSON.stringify({ cfg: { apiKey: R, oauth: { refresh_token: R, expires_in: 1 }, user: "bob" } }),
    );
  });

  it.each([
    [
      "postgres://etl:p@ss:w/rd#1@db.example.com:5432/orders",
      `postgres://etl:${R}@db.example.com:5432/orders`,
    ],
    [
      "mongodb+srv://app:S3%2Fcr%40t@cluster0.example.net/db?retryWrites=true",
      `mongodb+srv://app:${R}@cluster0.example.net/db?retryWrites=true`,
    ],
    ["amqp://guest:gu?st@rabbit:5672/%2f", `amqp://guest:${R}@rabbit:5672/%2f`],
    ["redis://:pässwörd@cache:6379/0", `redis://:${R}@cache:6379/0`],
    ["https://u:p@host/search?email=bob@example.com", `https://u:${R}@host/search?email=bob@example.com`],
    ['{"url":"postgres:\\/\\/u:p@db\\/x"}', `{"url":"postgres:\\/\\/u:${R}@db\\/x"}`],
  ])("masks the password of %j whatever it holds", (text, expected) => {
    expect(redactSecrets(text)).toBe(expected);
  });
});

describe("redactSecrets: ordinary text", () => {
  it.each([
    "Code: 401 Message: Unauthorized Body: {}",
    'password authentication failed for user "bob"',
    "Failed to fetch and/or refresh token, number of retries exceeded",
    "GET /v2/flows/585918da586224001b96de89/nodes/01234567-89ab-4cde-8f01-23456789abcd 404",
    '{"_id":"585918da586224001b96de89","flowId":"5f1d7a3e9c2b4a0012345678","threadId":"01234567-89ab-4cde-8f01-23456789abcd"}',
    "pulled image sha256:2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae in 3 s",
    "integrity sha512-Q4HQ0d5dJpE5pmw1xOD8yA== digest sha1:2fd4e1c67a2d28fced849ee1bb76e7391b93eb12",
    "GET https://api.example.com/v1/customers/42?page=2&sort=name and http://localhost:3000/health",
    "mailto:bob@example.com, ftp://files.example.com/pub, postgres://db.example.com:5432/orders",
    "GET http://localhost:3000/users/bob@example.com and https://api.example.com:8443/v1/members/ann@example.com",
    "token expired; token refresh failed; the password was changed; Bearer token missing",
    "Basic authentication failed; basic plan; Bearer undefined; Bearer null",
    'WWW-Authenticate: Bearer realm="api", error="invalid_token"',
    "ssh -p 22 deploy@host; docker run -p 8080:80 image",
    "task-runner-1234567890abcdefghij started; ask-for-help; disk-usage 90%",
    "getaddrinfo ENOTFOUND api.example.com https://api.example.com:8443/v2/flows/585918da586224001b96de89",
    "sha 2fd4e1c67a2d28fced849ee1bb76e7391b93eb12 exec 0a1b2c3d4e5f60718293a4b5c6d7e8f9",
    '{"user":"bob","tokenType":null,"count":3}',
    "write to bob@example.com at 2026-11-25T03:13:27.825Z",
  ])("leaves %j unchanged", (text) => {
    expect(redactSecrets(text)).toBe(text);
  });
});

describe("redactSecrets: cost", () => {
  const mb = (unit: string): string => unit.repeat(Math.ceil(1_000_000 / unit.length));
  it.each([
    ["unterminated JSON values", mb('"password":"\\"')],
    ["unclosed containers", mb('"token":[{"a":"')],
    ["escaped quotes", mb('\\"a\\":\\"\\\\')],
    ["keys without values", mb("token=")],
    ["dotted names", mb("a.")],
    ["hyphenated names", mb("a-b.c ")],
    ["one long base64 run", mb("aB3+")],
    ["URL schemes without hosts", mb("a://b:")],
    ["PEM headers without END", mb("-----BEGIN PRIVATE KEY-----")],
    ["JWT starts", mb("eyJa.eyJ")],
    ["header names", mb("Authorization: Digest ")],
    ["ordinary log text", mb('Code: 401 Message: Unauthorized Body: {"user":"bob","id":585918} ')],
  ])("redacts 1 MB of %s in linear time", (_shape, text) => {
    const started = performance.now();
    redactSecrets(text);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

describe("redactSecrets: bad input", () => {
  it("rejects a value that is not a string, without echoing it", () => {
    expect(() => redactSecrets({ password: "p" } as unknown as string)).toThrow(/^text must be a string$/);
  });
});
