import { REDACTION_MARKER } from "./redaction-marker.js";

/** A credential as it may appear in a log, and the same text after {@link redactSecrets}. */
export interface SecretShapeExample {
  readonly text: string;
  readonly redacted: string;
}

/**
 * A credential recognisable by its shape alone: a vendor's prefix, a fixed length and alphabet, a URL. Data, so
 * other packages can plant every shape in their tests (`SECRET_SHAPES.flatMap((shape) => shape.examples)`).
 */
export interface SecretShape {
  /** Stable, kebab-case; also the `kind` of the spans {@link findSecrets} reports for it. */
  readonly id: string;
  readonly description: string;
  /** Where the shape comes from: a public rule set's rule id and address, or the vendor's documentation. */
  readonly source: string;
  /**
   * Matches the credential. Only the named group `secret` is masked when the pattern has one, so a vendor's
   * prefix stays readable (`ghp_[REDACTED]`); otherwise the whole match is. Every quantifier is bounded and
   * every match starts at a literal, a word boundary or a character class, so a scan is linear in the text.
   */
  readonly pattern: RegExp;
  /**
   * Strings one of which is in every match (or, with {@link near}, near it): the pattern runs only on a text
   * that holds one. Matched as written, or in any case when the pattern ignores case or the keywords are
   * {@link near} words. Empty: the pattern runs on every text.
   */
  readonly keywords: readonly string[];
  /** When set, a match counts only with one of these words (any case) on its line. */
  readonly near?: readonly string[];
  /** When set, a match counts only if this accepts its masked part. */
  readonly accept?: (secret: string) => boolean;
  readonly examples: readonly SecretShapeExample[];
}

const GITLEAKS = "https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml";
const gitleaks = (...rules: string[]): string => `gitleaks rule ${rules.join(", ")}: ${GITLEAKS}`;
const noseyParker = (rule: string, file: string): string =>
  `Nosey Parker rule ${rule}: https://github.com/praetorian-inc/noseyparker/blob/main/crates/noseyparker/data/default/builtin/rules/${file}`;
const kingfisher = (rule: string, file: string): string =>
  `Kingfisher rule ${rule}: https://github.com/mongodb/kingfisher/blob/main/data/rules/${file}`;

// Example bodies: letters and digits that say what they are, so no example is mistaken for a live credential
// (and none trips a secret scanner on push). Built by repetition, never written out.
const FAKE_ALNUM = "FakeExample0Redact1Dummy2Sample3Value4Test5Only6NotReal7Demo8Value9";
const FAKE_LOWER = "fake0example1redact2dummy3sample4value5test6only7demo8";
const FAKE_UPPER = "FAKE0EXAMPLE1REDACT2DUMMY3SAMPLE4VALUE5DEMO6";
const FAKE_HEX = "0123456789abcdef";
const repeat = (unit: string, length: number): string =>
  unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
const fake = (length: number): string => repeat(FAKE_ALNUM, length);
const fakeLower = (length: number): string => repeat(FAKE_LOWER, length);
const fakeUpper = (length: number): string => repeat(FAKE_UPPER, length);
const fakeHex = (length: number): string => repeat(FAKE_HEX, length);
const FAKE_UUID = "01234567-89ab-4cde-8f01-23456789abcd";
const base64url = (value: string): string =>
  btoa(value).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");

/** An example whose `secret` is masked between `before` and `after`, which stay. */
const example = (before: string, secret: string, after = ""): SecretShapeExample =>
  Object.freeze({ text: `${before}${secret}${after}`, redacted: `${before}${REDACTION_MARKER}${after}` });

// A credential after a scheme in free text has a digit, symbols or mixed case at some length; the words that
// follow "Bearer" and "Basic" in prose do not.
const hasDigit = (token: string): boolean => /\d/.test(token);
const looksLikeCredential = (token: string): boolean =>
  token.length >= 8 &&
  (hasDigit(token) ||
    (token.length >= 16 && /[-._~+/=]/.test(token)) ||
    (token.length >= 20 && /[A-Z]/.test(token.slice(1)) && /[a-z]/.test(token)));
// A 40-character base64 run is an AWS secret access key only if it mixes cases and digits; this keeps
// lower-case hex SHAs and ordinary words out.
const looksRandom = (token: string): boolean => /[A-Z]/.test(token) && /[a-z]/.test(token) && hasDigit(token);
// Words that follow "Bearer" in prose and in broken requests: not credentials, and worth keeping readable.
const NOT_A_BEARER_TOKEN = new Set([
  "a",
  "an",
  "the",
  "and",
  "or",
  "of",
  "to",
  "in",
  "is",
  "for",
  "with",
  "token",
  "tokens",
  "auth",
  "authentication",
  "authorization",
  "authorisation",
  "scheme",
  "header",
  "credential",
  "credentials",
  "realm",
  "format",
  "type",
  "prefix",
  "access",
  "only",
  "required",
  "missing",
  "invalid",
  "expired",
  "error",
  "undefined",
  "null",
  "none",
  "nil",
  "empty",
  "true",
  "false",
  "nan",
]);
const isBearerToken = (token: string): boolean => {
  const bare = token.replace(/=+$/, "");
  return bare.length >= 3 && !NOT_A_BEARER_TOKEN.has(bare.toLowerCase());
};
// `Basic <base64>` is a credential when the base64 decodes to `user:password` text.
const decodesToUserAndPassword = (token: string): boolean => {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(token) || token.length % 4 === 1) return false;
  try {
    const decoded = atob(token.padEnd(Math.ceil(token.length / 4) * 4, "="));
    return /^[\x20-\x7e\u00a0-\u00ff]+$/.test(decoded) && decoded.indexOf(":") > 0;
  } catch {
    return false;
  }
};

const shapes: SecretShape[] = [
  {
    id: "jwt",
    description:
      "JSON Web Token (JWS compact form: header.payload.signature), as OAuth access and ID tokens.",
    source: `${gitleaks("jwt")}; RFC 7519: https://www.rfc-editor.org/rfc/rfc7519`,
    pattern: /\beyJ[\w-]{1,8192}\.eyJ[\w-]{1,16384}\.[\w-]{0,8192}/g,
    keywords: ["eyJ"],
    examples: [
      example(
        "",
        `${base64url('{"alg":"HS256","typ":"JWT"}')}.${base64url('{"sub":"fake-user-0001","name":"Example Only"}')}.${fake(43)}`,
      ),
    ],
  },
  {
    id: "github-pat",
    description: "GitHub classic personal access token.",
    source: gitleaks("github-pat"),
    pattern: /\bghp_(?<secret>[A-Za-z0-9]{36,255})\b/g,
    keywords: ["ghp_"],
    examples: [example("ghp_", fake(36))],
  },
  {
    id: "github-oauth-token",
    description: "GitHub OAuth access token.",
    source: gitleaks("github-oauth"),
    pattern: /\bgho_(?<secret>[A-Za-z0-9]{36,255})\b/g,
    keywords: ["gho_"],
    examples: [example("gho_", fake(36))],
  },
  {
    id: "github-app-token",
    description: "GitHub App user-to-server (ghu_) and server-to-server (ghs_, as in Actions) token.",
    source: gitleaks("github-app-token"),
    pattern: /\bgh[us]_(?<secret>[A-Za-z0-9]{36,255})\b/g,
    keywords: ["ghu_", "ghs_"],
    examples: [example("ghu_", fake(36)), example("ghs_", fake(36))],
  },
  {
    id: "github-refresh-token",
    description: "GitHub refresh token.",
    source: gitleaks("github-refresh-token"),
    pattern: /\bghr_(?<secret>[A-Za-z0-9]{36,255})\b/g,
    keywords: ["ghr_"],
    examples: [example("ghr_", fake(36))],
  },
  {
    id: "github-fine-grained-pat",
    description: "GitHub fine-grained personal access token.",
    source: gitleaks("github-fine-grained-pat"),
    pattern: /\bgithub_pat_(?<secret>[A-Za-z0-9_]{22,255})/g,
    keywords: ["github_pat_"],
    examples: [example("github_pat_", `11${fake(20)}_${fake(59)}`)],
  },
  {
    id: "gitlab-token",
    description:
      "GitLab tokens: personal, deploy, feed, feature-flag, incoming-mail, agent, OAuth application secret, pipeline trigger, runner, SCIM and CI job tokens (glpat-, gldt-, glft-, glffct-, glimt-, glagent-, gloas-, glptt-, glrt-, glsoat-, glcbt-), routable ones included.",
    source: gitleaks(
      "gitlab-pat",
      "gitlab-pat-routable",
      "gitlab-deploy-token",
      "gitlab-feed-token",
      "gitlab-feature-flag-client-token",
      "gitlab-incoming-mail-token",
      "gitlab-kubernetes-agent-token",
      "gitlab-oauth-app-secret",
      "gitlab-ptt",
      "gitlab-runner-authentication-token",
      "gitlab-scim-token",
      "gitlab-cicd-job-token",
    ),
    pattern:
      /\bgl(?:pat|dt|ft|ffct|imt|agent|oas|ptt|rt|soat|cbt)-(?<secret>[\w-]{20,300}(?:\.[0-9a-z]{9})?)/g,
    keywords: [
      "glpat-",
      "gldt-",
      "glft-",
      "glffct-",
      "glimt-",
      "glagent-",
      "gloas-",
      "glptt-",
      "glrt-",
      "glsoat-",
      "glcbt-",
    ],
    examples: [
      example("glpat-", fake(20)),
      example("gldt-", fake(20)),
      example("glrt-", `t1_${fake(27)}.01${fakeLower(7)}`),
    ],
  },
  {
    id: "gitlab-runner-registration-token",
    description: "GitLab runner registration token (legacy).",
    source: gitleaks("gitlab-rrt"),
    pattern: /\bGR1348941(?<secret>[\w-]{20})\b/g,
    keywords: ["GR1348941"],
    examples: [example("GR1348941", fake(20))],
  },
  {
    id: "slack-token",
    description:
      "Slack bot, user, app-level, workspace, configuration and legacy tokens (xoxb-, xoxp-, xoxa-, xoxr-, xoxs-, xoxe-, xoxo-, xapp-).",
    source: gitleaks(
      "slack-bot-token",
      "slack-user-token",
      "slack-app-token",
      "slack-legacy-workspace-token",
      "slack-legacy-token",
      "slack-config-access-token",
      "slack-config-refresh-token",
    ),
    pattern: /\b(?:xox[abeoprs]|xapp)-(?<secret>[A-Za-z0-9-]{10,250})/g,
    keywords: ["xox", "xapp-"],
    examples: [
      example("xoxb-", `123456789012-1234567890123-${fake(24)}`),
      example("xoxp-", `123456789012-123456789012-123456789012-${fakeHex(32)}`),
      example("xapp-", `1-A0FAKE00000-1234567890123-${fakeHex(64)}`),
      example("xoxa-", `2-${fake(40)}`),
      example("xoxr-", fake(40)),
      example("xoxs-", `123456789012-123456789012-123456789012-${fakeHex(32)}`),
    ],
  },
  {
    id: "slack-webhook-url",
    description: "Slack incoming-webhook and workflow URL: the path is the credential.",
    source: gitleaks("slack-webhook-url"),
    pattern: /\bhooks\.slack\.com\/(?:services|workflows|triggers)\/(?<secret>[A-Za-z0-9_/+-]{20,150})/g,
    keywords: ["hooks.slack.com"],
    examples: [example("https://hooks.slack.com/services/", `T0FAKE000/B0FAKE000/${fake(24)}`)],
  },
  {
    id: "shopify-token",
    description:
      "Shopify access, custom-app, private-app tokens and shared secrets (shpat_, shpca_, shppa_, shpss_).",
    source: gitleaks(
      "shopify-access-token",
      "shopify-custom-access-token",
      "shopify-private-app-access-token",
      "shopify-shared-secret",
    ),
    pattern: /\bshp(?:at|ss|ca|pa)_(?<secret>[a-fA-F0-9]{32})\b/g,
    keywords: ["shpat_", "shpss_", "shpca_", "shppa_"],
    examples: [
      example("shpat_", fakeHex(32)),
      example("shpss_", fakeHex(32)),
      example("shpca_", fakeHex(32)),
      example("shppa_", fakeHex(32)),
    ],
  },
  {
    id: "hubspot-private-app-token",
    description: "HubSpot private-app access token (pat-na1-…, pat-eu1-…): the region stays readable.",
    source: `${kingfisher("kingfisher.hubspot.1", "hubspot.yml")}; https://developers.hubspot.com/docs/api/private-apps`,
    pattern: /\bpat-[a-z]{2}\d-(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b/gi,
    keywords: ["pat-"],
    examples: [example("pat-na1-", FAKE_UUID), example("pat-eu1-", FAKE_UUID)],
  },
  {
    id: "salesforce-session-id",
    description:
      "Salesforce session id / OAuth access token (00D…!…): the org id before the `!` stays readable.",
    source: `${noseyParker("np.salesforce.1", "salesforce.yml")}; https://help.salesforce.com/s/articleView?id=sf.remoteaccess_access_tokens.htm&type=5`,
    pattern: /\b00D[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?!(?<secret>[A-Za-z0-9._]{40,250})/g,
    keywords: ["00D"],
    examples: [example("00D5g000004Fake!", `AQcAQ${fake(91)}`)],
  },
  {
    id: "twilio-api-key",
    description: "Twilio API key SID (SK…); the key's secret is masked as the value of its key name.",
    source: gitleaks("twilio-api-key"),
    pattern: /\bSK(?<secret>[0-9a-fA-F]{32})\b/g,
    keywords: ["SK"],
    examples: [example("SK", fakeHex(32))],
  },
  {
    id: "sendgrid-api-key",
    description: "SendGrid API key (SG.<id>.<secret>).",
    source: gitleaks("sendgrid-api-token"),
    pattern: /\bSG\.(?<secret>[\w-]{16,32}\.[\w-]{16,64})/g,
    keywords: ["SG."],
    examples: [example("SG.", `${fake(22)}.${fake(43)}`)],
  },
  {
    id: "mailgun-api-key",
    description: "Mailgun private API key or webhook signing key, near the word Mailgun.",
    source: gitleaks("mailgun-private-api-token", "mailgun-signing-key"),
    pattern: /\b(?:key-[0-9a-f]{32}|[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8})\b/g,
    keywords: ["mailgun"],
    near: ["mailgun"],
    examples: [
      example("mailgun rejected ", `key-${fakeHex(32)}`),
      example("Mailgun signing key ", `${fakeHex(32)}-${fakeHex(8)}-${fakeHex(8)}`),
    ],
  },
  {
    id: "mailchimp-api-key",
    description: "Mailchimp Marketing API key (32 hex digits and the data centre, -us21).",
    source: `${gitleaks("mailchimp-api-key")}; https://mailchimp.com/developer/marketing/guides/quick-start/`,
    pattern: /\b[0-9a-f]{32}-us\d{1,2}\b/g,
    keywords: ["-us"],
    examples: [example("", `${fakeHex(32)}-us21`)],
  },
  {
    id: "stripe-secret-key",
    description:
      "Stripe secret and restricted keys, live and test (sk_live_, rk_live_, sk_test_, ...). Publishable keys (pk_) are public by design and stay.",
    source: `${gitleaks("stripe-access-token")}; https://docs.stripe.com/keys`,
    pattern: /\b[rs]k_(?:live|test|prod)_(?<secret>[A-Za-z0-9]{10,247})\b/g,
    keywords: ["sk_live_", "sk_test_", "sk_prod_", "rk_live_", "rk_test_", "rk_prod_"],
    examples: [example("sk_live_", fake(99)), example("rk_live_", fake(99)), example("sk_test_", fake(24))],
  },
  {
    id: "stripe-webhook-secret",
    description: "Stripe webhook signing secret (whsec_).",
    source: "https://docs.stripe.com/webhooks#verify-events",
    pattern: /\bwhsec_(?<secret>[A-Za-z0-9+/=]{24,128})/g,
    keywords: ["whsec_"],
    examples: [example("whsec_", fake(32))],
  },
  {
    id: "square-token",
    description: "Square access token and OAuth application secret (EAAA…, sq0atp-, sq0csp-).",
    source: `${gitleaks("square-access-token")}; ${noseyParker("np.square.2", "square.yml")}`,
    pattern: /\b(?:sq0(?:atp|csp)-(?<secret>[\w-]{22,60})|EAAA[\w-]{22,60}\b)/g,
    keywords: ["sq0atp-", "sq0csp-", "EAAA"],
    examples: [example("sq0atp-", fake(22)), example("sq0csp-", fake(43)), example("", `EAAA${fake(60)}`)],
  },
  {
    id: "braintree-access-token",
    description: "PayPal Braintree access token (access_token$production$…).",
    source:
      "SecretFinder paypal_braintree_access_token: https://github.com/m4ll0k/SecretFinder/blob/master/SecretFinder.py",
    pattern: /\baccess_token\$(?:production|sandbox)\$(?<secret>[0-9a-z]{16}\$[0-9a-f]{32})/g,
    keywords: ["access_token$"],
    examples: [example("access_token$production$", `${fakeLower(16)}$${fakeHex(32)}`)],
  },
  {
    id: "paypal-access-token",
    description: "PayPal REST API OAuth access token (A21AA…).",
    source: "https://developer.paypal.com/api/rest/authentication/",
    pattern: /\bA21AA(?<secret>[\w-]{50,2000})/g,
    keywords: ["A21AA"],
    examples: [example("A21AA", fake(92))],
  },
  {
    id: "azure-ad-client-secret",
    description: "Microsoft Entra ID (Azure AD) application client secret (…Q~…).",
    source: gitleaks("azure-ad-client-secret"),
    pattern: /(?<![\w~.-])[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![\w~.-])/g,
    keywords: ["Q~"],
    examples: [example("", `Fk08Q~${fake(34)}`)],
  },
  {
    id: "google-api-key",
    description: "Google Cloud / Firebase / Maps API key (AIza…).",
    source: gitleaks("gcp-api-key"),
    pattern: /\bAIza(?<secret>[\w-]{35})/g,
    keywords: ["AIza"],
    examples: [example("AIza", fake(35))],
  },
  {
    id: "google-oauth-client-secret",
    description: "Google OAuth client secret (GOCSPX-).",
    source: noseyParker("np.google.2", "google.yml"),
    pattern: /\bGOCSPX-(?<secret>[\w-]{28})/g,
    keywords: ["GOCSPX-"],
    examples: [example("GOCSPX-", fake(28))],
  },
  {
    id: "google-oauth-access-token",
    description: "Google OAuth access token (ya29.).",
    source: noseyParker("np.google.4", "google.yml"),
    pattern: /\bya29\.(?<secret>[\w-]{20,2048})/g,
    keywords: ["ya29."],
    examples: [example("ya29.", `a0${fake(120)}`)],
  },
  {
    id: "aws-access-key-id",
    description:
      "AWS access key id (AKIA…, ASIA… for temporary credentials) and other unique ids of IAM principals.",
    source: `${gitleaks("aws-access-token")}; https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids`,
    pattern:
      /\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA|A3T[A-Z0-9])(?<secret>[A-Z0-9]{16})\b/g,
    keywords: ["AKIA", "ASIA", "ABIA", "ACCA", "AGPA", "AIDA", "AROA", "AIPA", "ANPA", "ANVA", "APKA", "A3T"],
    examples: [example("AKIA", "IOSFODNN7EXAMPLE"), example("ASIA", fakeUpper(16))],
  },
  {
    id: "atlassian-api-token",
    description: "Atlassian (Jira, Confluence) API token (ATATT3…).",
    source: gitleaks("atlassian-api-token"),
    pattern: /\bATATT3(?<secret>[A-Za-z0-9_=-]{150,250})/g,
    keywords: ["ATATT3"],
    examples: [example("ATATT3", fake(186))],
  },
  {
    id: "bitbucket-app-password",
    description: "Bitbucket app password (ATBB…).",
    source: noseyParker("np.bitbucket.1", "bitbucket.yml"),
    pattern: /\bATBB(?<secret>[A-Za-z0-9]{32})\b/g,
    keywords: ["ATBB"],
    examples: [example("ATBB", fake(32))],
  },
  {
    id: "dropbox-token",
    description: "Dropbox short-lived access token (sl.…).",
    source: gitleaks("dropbox-short-lived-api-token"),
    pattern: /\bsl\.(?<secret>(?:u\.)?[A-Za-z0-9_=-]{130,1400})/g,
    keywords: ["sl."],
    examples: [example("sl.", fake(135))],
  },
  {
    id: "discord-webhook-url",
    description: "Discord webhook URL: the token after the webhook id is the credential.",
    source: kingfisher("kingfisher.discord.1", "discord.yml"),
    pattern: /\bdiscord(?:app)?\.com\/api\/webhooks\/\d{17,20}\/(?<secret>[\w-]{60,80})/g,
    keywords: ["discord"],
    examples: [example("https://discord.com/api/webhooks/123456789012345678/", fake(68))],
  },
  {
    id: "teams-webhook-url",
    description: "Microsoft Teams incoming-webhook URL: the path after webhookb2/ is the credential.",
    source: gitleaks("microsoft-teams-webhook"),
    pattern: /\.webhook\.office\.com\/webhookb2\/(?<secret>[\w@/-]{60,400})/g,
    keywords: ["webhook.office.com"],
    examples: [
      example(
        "https://acme.webhook.office.com/webhookb2/",
        `${FAKE_UUID}@${FAKE_UUID}/IncomingWebhook/${fakeHex(32)}/${FAKE_UUID}`,
      ),
    ],
  },
  {
    id: "npm-token",
    description: "npm access token (npm_).",
    source: gitleaks("npm-access-token"),
    pattern: /\bnpm_(?<secret>[A-Za-z0-9]{36})\b/g,
    keywords: ["npm_"],
    examples: [example("npm_", fake(36))],
  },
  {
    id: "pypi-token",
    description: "PyPI upload token (pypi-AgE…).",
    source: gitleaks("pypi-upload-token"),
    pattern: /\bpypi-(?<secret>AgE[A-Za-z0-9_-]{50,1000})/g,
    keywords: ["pypi-AgE"],
    examples: [example("pypi-", `AgEIcHlwaS5vcmc${fake(70)}`)],
  },
  {
    id: "docker-hub-token",
    description: "Docker Hub personal and organisation access token (dckr_pat_, dckr_oat_).",
    source: `${noseyParker("np.dockerhub.1", "dockerhub.yml")}; https://docs.docker.com/security/for-developers/access-tokens/`,
    pattern: /\bdckr_(?:pat|oat)_(?<secret>[\w-]{20,80})/g,
    keywords: ["dckr_"],
    examples: [example("dckr_pat_", fake(27))],
  },
  {
    id: "doppler-token",
    description:
      "Doppler personal, service, service-account, CLI, SCIM and audit tokens (dp.pt., dp.st., ...).",
    source: `${gitleaks("doppler-api-token")}; https://docs.doppler.com/reference/auth-token-formats`,
    pattern: /\bdp\.(?:pt|st|sa|ct|scim|audit)\.(?<secret>(?:[\w-]{1,64}\.)?[A-Za-z0-9]{40,48})\b/g,
    keywords: ["dp."],
    examples: [example("dp.pt.", fake(43)), example("dp.st.", `dev.${fake(43)}`)],
  },
  {
    id: "linear-api-key",
    description: "Linear API key and OAuth token (lin_api_, lin_oauth_).",
    source: gitleaks("linear-api-key"),
    pattern: /\blin_(?:api|oauth)_(?<secret>[A-Za-z0-9]{40,64})\b/g,
    keywords: ["lin_api_", "lin_oauth_"],
    examples: [example("lin_api_", fake(40))],
  },
  {
    id: "notion-token",
    description: "Notion integration token (ntn_).",
    source: gitleaks("notion-api-token"),
    pattern: /\bntn_(?<secret>[A-Za-z0-9]{40,50})\b/g,
    keywords: ["ntn_"],
    examples: [example("ntn_", `12345678901${fake(35)}`)],
  },
  {
    id: "notion-integration-secret",
    description: "Notion internal integration secret, the older form (secret_ and 43 letters and digits).",
    source: `${kingfisher("kingfisher.notion.1", "notion.yml")}; https://developers.notion.com/docs/authorization`,
    pattern: /\bsecret_(?<secret>[A-Za-z0-9]{43})\b/g,
    keywords: ["secret_"],
    examples: [example("secret_", fake(43))],
  },
  {
    id: "airtable-token",
    description: "Airtable personal access token (pat<id>.<64 hex>).",
    source: gitleaks("airtable-personnal-access-token"),
    pattern: /\bpat[A-Za-z0-9]{14}\.[a-f0-9]{64}\b/g,
    keywords: ["pat"],
    examples: [example("", `pat${fake(14)}.${fakeHex(64)}`)],
  },
  {
    id: "openai-api-key",
    description: "OpenAI API key (sk-, sk-proj-, sk-svcacct-, sk-admin-).",
    source: gitleaks("openai-api-key"),
    pattern: /\bsk-(?!ant-)(?<secret>[\w-]{20,300})/g,
    keywords: ["sk-"],
    examples: [example("sk-", `proj-${fake(156)}`), example("sk-", fake(48))],
  },
  {
    id: "anthropic-api-key",
    description: "Anthropic API and admin key (sk-ant-).",
    source: gitleaks("anthropic-api-key", "anthropic-admin-api-key"),
    pattern: /\bsk-ant-(?<secret>[\w-]{20,300})/g,
    keywords: ["sk-ant-"],
    examples: [example("sk-ant-", `api03-${fake(93)}AA`)],
  },
  {
    id: "heroku-api-key",
    description: "Heroku API key, current form (HRKU-).",
    source: gitleaks("heroku-api-key-v2"),
    pattern: /\bHRKU-(?<secret>[\w-]{58,64})/g,
    keywords: ["HRKU-"],
    examples: [example("HRKU-", `AA${fake(58)}`)],
  },
  {
    id: "digitalocean-token",
    description: "DigitalOcean personal access, OAuth access and refresh tokens (dop_v1_, doo_v1_, dor_v1_).",
    source: gitleaks("digitalocean-pat", "digitalocean-access-token", "digitalocean-refresh-token"),
    pattern: /\bdo[opr]_v1_(?<secret>[a-f0-9]{64})\b/g,
    keywords: ["dop_v1_", "doo_v1_", "dor_v1_"],
    examples: [example("dop_v1_", fakeHex(64))],
  },
  {
    id: "datadog-key",
    description:
      "Datadog API key (32 hex digits) or application key (40), near the word Datadog or a DD key name.",
    source: gitleaks("datadog-access-token"),
    pattern: /\b[a-f0-9]{32}(?:[a-f0-9]{8})?\b/g,
    keywords: [
      "datadog",
      "dd_api_key",
      "dd-api-key",
      "dd_app_key",
      "dd-app-key",
      "dd_application_key",
      "dd-application-key",
    ],
    near: [
      "datadog",
      "dd_api_key",
      "dd-api-key",
      "dd_app_key",
      "dd-app-key",
      "dd_application_key",
      "dd-application-key",
    ],
    examples: [example("datadog agent refused key ", fakeHex(32))],
  },
  {
    id: "new-relic-key",
    description: "New Relic user, admin, insert and browser keys (NRAK-, NRAA-, NRII-, NRJS-).",
    source: `${gitleaks("new-relic-user-api-key", "new-relic-insert-key", "new-relic-browser-api-token")}; https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/`,
    pattern: /\bNR(?:AK|AA|II|JS)-(?<secret>[A-Za-z0-9_-]{19,40})\b/g,
    keywords: ["NRAK-", "NRAA-", "NRII-", "NRJS-"],
    examples: [example("NRAK-", fakeUpper(27))],
  },
  {
    id: "new-relic-license-key",
    description: "New Relic ingest license key (40 characters ending in NRAL).",
    source: "https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/#license-key",
    pattern: /\b[a-f0-9]{36}NRAL\b/g,
    keywords: ["NRAL"],
    examples: [example("", `${fakeHex(36)}NRAL`)],
  },
  {
    id: "sentry-dsn",
    description: "Sentry DSN: the key in the user info of https://<key>@o<org>.ingest.sentry.io/<project>.",
    source:
      'https://docs.sentry.io/concepts/key-terms/dsn-explainer/; GitHub custom pattern "Sentry DSN secret": https://github.com/advanced-security/secret-scanning-custom-patterns',
    pattern: /\bhttps?:\/\/(?<secret>[0-9a-f]{32}(?::[0-9a-f]{32})?)(?=@[\w.-]{1,253}(?::\d{1,5})?\/)/g,
    keywords: ["://"],
    examples: [example("https://", fakeHex(32), "@o123456.ingest.sentry.io/4500000000000001")],
  },
  {
    id: "sentry-token",
    description: "Sentry organisation and user auth tokens (sntrys_, sntryu_).",
    source: gitleaks("sentry-org-token", "sentry-user-token"),
    pattern: /\bsntry[us]_(?<secret>[A-Za-z0-9+/=_]{40,400})/g,
    keywords: ["sntrys_", "sntryu_"],
    examples: [example("sntryu_", fakeHex(64))],
  },
  {
    id: "okta-api-token",
    description: "Okta API token (00 and 40 characters), near the word Okta or the SSWS scheme.",
    source: `${gitleaks("okta-access-token")}; ${noseyParker("np.okta.1", "okta.yml")}`,
    pattern: /\b00[A-Za-z0-9_-]{39}[A-Za-z0-9_]\b/g,
    keywords: ["okta", "ssws"],
    near: ["okta", "ssws"],
    examples: [example("okta refused ", `00${fake(40)}`)],
  },
  {
    id: "oracle-jdbc-password",
    description: "Password in an Oracle JDBC URL (jdbc:oracle:thin:user/password@host).",
    source:
      "https://docs.oracle.com/en/database/oracle/oracle-database/21/jajdb/oracle/jdbc/OracleDriver.html",
    pattern: /\bjdbc:oracle:(?:thin|oci8?|kprb):[^\s/@:"']{1,128}\/(?<secret>[^\s@"']{1,256})@/g,
    keywords: ["jdbc:oracle:"],
    examples: [example("jdbc:oracle:thin:scott/", "tiger", "@db.example.com:1521:ORCL")],
  },
  {
    id: "alibaba-access-key-id",
    description: "Alibaba Cloud AccessKey id (LTAI…).",
    source: gitleaks("alibaba-access-key-id"),
    pattern: /\bLTAI(?<secret>[A-Za-z0-9]{20})\b/g,
    keywords: ["LTAI"],
    examples: [example("LTAI", fake(20))],
  },
  {
    id: "databricks-token",
    description: "Databricks personal access token (dapi…).",
    source: gitleaks("databricks-api-token"),
    pattern: /\bdapi(?<secret>[a-f0-9]{32}(?:-\d)?)\b/g,
    keywords: ["dapi"],
    examples: [example("dapi", fakeHex(32))],
  },
  {
    id: "dynatrace-token",
    description: "Dynatrace API token (dt0c01.).",
    source: gitleaks("dynatrace-api-token"),
    pattern: /\bdt0c01\.(?<secret>[A-Za-z0-9]{24}\.[A-Za-z0-9]{64})\b/g,
    keywords: ["dt0c01."],
    examples: [example("dt0c01.", `${fakeUpper(24)}.${fake(64)}`)],
  },
  {
    id: "facebook-access-token",
    description: "Facebook / Meta Graph API page and user access token (EAAC…, EAAM…).",
    source: gitleaks("facebook-page-access-token"),
    pattern: /\bEAA[CM][A-Za-z0-9]{100,2000}\b/g,
    keywords: ["EAAC", "EAAM"],
    examples: [example("", `EAAC${fake(160)}`)],
  },
  {
    id: "grafana-cloud-token",
    description: "Grafana Cloud API token (glc_).",
    source: gitleaks("grafana-cloud-api-token"),
    pattern: /\bglc_(?<secret>[A-Za-z0-9+/]{32,400}={0,3})/g,
    keywords: ["glc_"],
    examples: [example("glc_", fake(64))],
  },
  {
    id: "grafana-service-account-token",
    description: "Grafana service account token (glsa_).",
    source: gitleaks("grafana-service-account-token"),
    pattern: /\bglsa_(?<secret>[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})\b/g,
    keywords: ["glsa_"],
    examples: [example("glsa_", `${fake(32)}_${fakeHex(8)}`)],
  },
  {
    id: "grafana-api-key",
    description: "Grafana API key, the older base64 form (eyJrIjoi…).",
    source: gitleaks("grafana-api-key"),
    pattern: /\beyJrIjoi[A-Za-z0-9]{70,400}={0,3}/g,
    keywords: ["eyJrIjoi"],
    examples: [example("", `eyJrIjoi${fake(80)}`)],
  },
  {
    id: "terraform-cloud-token",
    description: "HashiCorp Terraform Cloud / Enterprise API token (<id>.atlasv1.<secret>).",
    source: gitleaks("hashicorp-tf-api-token"),
    pattern: /\b[A-Za-z0-9]{14}\.atlasv1\.[\w=-]{60,70}/g,
    keywords: ["atlasv1"],
    examples: [example("", `${fake(14)}.atlasv1.${fake(67)}`)],
  },
  {
    id: "vault-token",
    description: "HashiCorp Vault service and batch token (hvs., hvb.).",
    source: gitleaks("vault-service-token", "vault-batch-token"),
    pattern: /\bhv[sb]\.(?<secret>[\w-]{90,300})/g,
    keywords: ["hvs.", "hvb."],
    examples: [example("hvs.", fake(95))],
  },
  {
    id: "huggingface-token",
    description: "Hugging Face access token (hf_) and organisation token (api_org_).",
    source: gitleaks("huggingface-access-token", "huggingface-organization-api-token"),
    pattern: /\b(?:hf|api_org)_(?<secret>[A-Za-z]{34})\b/g,
    keywords: ["hf_", "api_org_"],
    examples: [example("hf_", repeat("FakeExampleRedactTokenDummy", 34))],
  },
  {
    id: "perplexity-api-key",
    description: "Perplexity API key (pplx-).",
    source: gitleaks("perplexity-api-key"),
    pattern: /\bpplx-(?<secret>[A-Za-z0-9]{48})\b/g,
    keywords: ["pplx-"],
    examples: [example("pplx-", fake(48))],
  },
  {
    id: "postman-api-key",
    description: "Postman API key (PMAK-).",
    source: gitleaks("postman-api-token"),
    pattern: /\bPMAK-(?<secret>[a-fA-F0-9]{24}-[a-fA-F0-9]{34})\b/g,
    keywords: ["PMAK-"],
    examples: [example("PMAK-", `${fakeHex(24)}-${fakeHex(34)}`)],
  },
  {
    id: "shippo-token",
    description: "Shippo API token (shippo_live_, shippo_test_).",
    source: gitleaks("shippo-api-token"),
    pattern: /\bshippo_(?:live|test)_(?<secret>[a-fA-F0-9]{40})\b/g,
    keywords: ["shippo_"],
    examples: [example("shippo_live_", fakeHex(40))],
  },
  {
    id: "brevo-api-key",
    description: "Brevo (Sendinblue) API and SMTP key (xkeysib-, xsmtpsib-).",
    source: gitleaks("sendinblue-api-token"),
    pattern: /\bx(?:keysib|smtpsib)-(?<secret>[a-f0-9]{64}-[A-Za-z0-9]{16})\b/g,
    keywords: ["xkeysib-", "xsmtpsib-"],
    examples: [example("xkeysib-", `${fakeHex(64)}-${fake(16)}`)],
  },
  {
    id: "telegram-bot-token",
    description: "Telegram bot token (<bot id>:AA…): the bot id stays readable.",
    source: `${gitleaks("telegram-bot-api-token")}; https://core.telegram.org/bots/api#authorizing-your-bot`,
    pattern: /(?<!\d)\d{8,10}:(?<secret>AA[\w-]{33})(?![\w-])/g,
    keywords: [":AA"],
    examples: [example("https://api.telegram.org/bot123456789:", `AA${fake(33)}`, "/sendMessage")],
  },
  {
    id: "typeform-token",
    description: "Typeform personal access token (tfp_).",
    source: gitleaks("typeform-api-token"),
    pattern: /\btfp_(?<secret>[\w.=-]{59})/g,
    keywords: ["tfp_"],
    examples: [example("tfp_", fake(59))],
  },
  {
    id: "plaid-access-token",
    description: "Plaid access token (access-production-<uuid>, also sandbox and development).",
    source: gitleaks("plaid-api-token"),
    pattern:
      /\baccess-(?:sandbox|development|production)-(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b/g,
    keywords: ["access-sandbox-", "access-development-", "access-production-"],
    examples: [example("access-production-", FAKE_UUID)],
  },
  {
    id: "bearer-token",
    description:
      "The credential after Bearer (or Okta's SSWS) in free text, in any case: not the words that follow Bearer in prose (token, authentication, undefined, ...).",
    source: "RFC 6750 §2.1: https://www.rfc-editor.org/rfc/rfc6750#section-2.1",
    pattern: /\b(?:Bearer|SSWS)[ \t]+(?<secret>[A-Za-z0-9\-._~+/]{1,4096}=*)/gi,
    keywords: ["bearer", "ssws"],
    accept: isBearerToken,
    examples: [example("Bearer ", "mF_9.B5f-4.1JqM"), example("bearer ", "xyzFake0001")],
  },
  {
    id: "basic-credentials",
    description:
      "The credential after Basic in free text, in any case: base64 of user:password (elastic.io API keys travel as base64(email:apikey)).",
    source: "RFC 7617 §2: https://www.rfc-editor.org/rfc/rfc7617#section-2",
    pattern: /\bBasic[ \t]+(?<secret>[A-Za-z0-9\-._~+/]{4,4096}=*)/gi,
    keywords: ["basic"],
    accept: (token) => decodesToUserAndPassword(token) || looksLikeCredential(token),
    examples: [
      example("Basic ", btoa("fake-user:fake-password")),
      example("basic ", btoa(`ops@example.com:${FAKE_UUID}`)),
    ],
  },
  {
    id: "aws-secret-access-key",
    description:
      "AWS secret access key: a 40-character base64 run that mixes cases and digits (so hex SHAs and words stay).",
    source: `${noseyParker("np.aws.6", "aws.yml")}; https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html`,
    pattern: /(?<![\w/+.~-])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g,
    keywords: [],
    accept: looksRandom,
    examples: [example("", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")],
  },
];

const freeze = (shape: SecretShape): SecretShape =>
  Object.freeze({
    ...shape,
    keywords: Object.freeze([...shape.keywords]),
    examples: Object.freeze([...shape.examples]),
  });

/**
 * Every credential shape {@link redactSecrets} and {@link findSecrets} recognise without a key name, most
 * specific first (when two match the same characters, the earlier one names the span). Read-only.
 */
export const SECRET_SHAPES: readonly SecretShape[] = Object.freeze(shapes.map(freeze));
