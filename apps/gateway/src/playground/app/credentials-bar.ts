import { createElement as h, useEffect, useState } from "react";
import { basicAuthorization } from "./fetcher.js";

/** Props of {@link CredentialsBar}. */
export interface CredentialsBarProps {
  /** Called with the Authorization header value, or undefined when the fields are cleared. */
  readonly onChange: (authorization: string | undefined) => void;
}

const field = (label: string, type: string, value: string, set: (value: string) => void) =>
  h(
    "label",
    { className: "fd-field" },
    label,
    h("input", {
      type,
      value,
      autoComplete: "off",
      spellCheck: false,
      "aria-label": label,
      onChange: (event: { target: { value: string } }) => set(event.target.value),
    }),
  );

interface DemoUser {
  readonly name: string;
  readonly email: string;
  readonly apiKey: string;
}

/** The embedded emulator's demo logins (none when the gateway serves a real platform). */
const loadDemoUsers = async (): Promise<DemoUser[]> => {
  const response = await fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ gateway { demoUsers { name email apiKey } } }" }),
  });
  const body = (await response.json()) as { data?: { gateway?: { demoUsers?: DemoUser[] } } };
  return body.data?.gateway?.demoUsers ?? [];
};

const demoPicker = (users: readonly DemoUser[], pick: (user: DemoUser) => void) =>
  users.length === 0
    ? null
    : h(
        "label",
        { className: "fd-field" },
        "Demo login",
        h(
          "select",
          {
            "aria-label": "Demo login",
            defaultValue: "",
            onChange: (event: { target: { value: string } }) => {
              const user = users.find((candidate) => candidate.email === event.target.value);
              if (user) pick(user);
            },
          },
          h("option", { value: "" }, "choose…"),
          ...users.map((user) =>
            h("option", { key: user.email, value: user.email }, `${user.name} (${user.email})`),
          ),
        ),
      );

/**
 * The place to enter platform credentials: they become an `Authorization: Basic` header on every
 * request, are kept in memory only, and are never shown again once entered.
 */
export const CredentialsBar = ({ onChange }: CredentialsBarProps) => {
  const [email, setEmail] = useState("");
  const [apiKey, setApiKey] = useState("");
  const [demoUsers, setDemoUsers] = useState<DemoUser[]>([]);
  useEffect(() => {
    loadDemoUsers().then(setDemoUsers, () => setDemoUsers([]));
  }, []);
  const update = (nextEmail: string, nextKey: string) => {
    setEmail(nextEmail);
    setApiKey(nextKey);
    onChange(nextEmail && nextKey ? basicAuthorization(nextEmail, nextKey) : undefined);
  };
  return h(
    "form",
    { className: "fd-bar", onSubmit: (event: { preventDefault: () => void }) => event.preventDefault() },
    h("strong", null, "Flowdoctor"),
    demoPicker(demoUsers, (user) => update(user.email, user.apiKey)),
    field("E-mail", "email", email, (value) => update(value, apiKey)),
    field("API key", "password", apiKey, (value) => update(email, value)),
    h(
      "span",
      { className: "fd-hint", role: "status" },
      email && apiKey ? "Requests carry these credentials." : "Enter your platform e-mail and API key.",
    ),
  );
};
