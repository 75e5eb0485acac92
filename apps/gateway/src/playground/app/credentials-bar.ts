import { createElement as h, useState } from "react";
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

/**
 * The place to enter platform credentials: they become an `Authorization: Basic` header on every
 * request, are kept in memory only, and are never shown again once entered.
 */
export const CredentialsBar = ({ onChange }: CredentialsBarProps) => {
  const [email, setEmail] = useState("");
  const [apiKey, setApiKey] = useState("");
  const update = (nextEmail: string, nextKey: string) => {
    setEmail(nextEmail);
    setApiKey(nextKey);
    onChange(nextEmail && nextKey ? basicAuthorization(nextEmail, nextKey) : undefined);
  };
  return h(
    "form",
    { className: "fd-bar", onSubmit: (event: { preventDefault: () => void }) => event.preventDefault() },
    h("strong", null, "Flowdoctor"),
    field("E-mail", "email", email, (value) => update(value, apiKey)),
    field("API key", "password", apiKey, (value) => update(email, value)),
    h(
      "span",
      { className: "fd-hint", role: "status" },
      email && apiKey ? "Requests carry these credentials." : "Enter your platform e-mail and API key.",
    ),
  );
};
