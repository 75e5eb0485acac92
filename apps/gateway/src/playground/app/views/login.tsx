import { type FormEvent, useState } from "react";
import { basicAuthorization } from "../fetcher.js";
import { ErrorList, Loading, QueryPanel, useOperation } from "../parts.js";
import type { Session } from "../session.js";

interface DemoUser {
  readonly name: string;
  readonly email: string;
  readonly apiKey: string;
  readonly description: string | null;
}

interface DemoUsersData {
  readonly gateway: { readonly upstream: string; readonly demoUsers: readonly DemoUser[] };
}

const sessionOf = (email: string, apiKey: string, name?: string): Session => ({
  authorization: basicAuthorization(email, apiKey),
  email,
  name: name ?? email,
});

/** The demo logins, each saying who the user is and what they may see. */
const DemoPicker = ({
  users,
  onLogin,
}: {
  users: readonly DemoUser[];
  onLogin: (session: Session) => void;
}) => (
  <ul className="fd-demo-users" aria-label="Demo logins">
    {users.map((user) => (
      <li key={user.email}>
        <button
          type="button"
          className="fd-demo-user"
          onClick={() => onLogin(sessionOf(user.email, user.apiKey, user.name))}
        >
          <strong>{user.name}</strong> <span className="fd-muted">{user.email}</span>
          <span className="fd-demo-role">{user.description ?? "A demo login of the emulator."}</span>
        </button>
      </li>
    ))}
  </ul>
);

/** Platform credentials typed by hand; they stay in this page's memory only. */
const CredentialsForm = ({ onLogin }: { onLogin: (session: Session) => void }) => {
  const [email, setEmail] = useState("");
  const [apiKey, setApiKey] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (email && apiKey) onLogin(sessionOf(email, apiKey));
  };
  return (
    <form className="fd-login-form" onSubmit={submit}>
      <label className="fd-field">
        E-mail
        <input
          type="email"
          value={email}
          autoComplete="off"
          onChange={(event) => setEmail(event.target.value)}
        />
      </label>
      <label className="fd-field">
        API key
        <input
          type="password"
          value={apiKey}
          autoComplete="off"
          onChange={(event) => setApiKey(event.target.value)}
        />
      </label>
      <button type="submit" disabled={!email || !apiKey}>
        Sign in
      </button>
    </form>
  );
};

/** The first view: who to act as. */
export const LoginView = ({ onLogin }: { onLogin: (session: Session) => void }) => {
  const { answer, loading, ran } = useOperation<DemoUsersData>("demoUsers", {});
  const users = answer?.data?.gateway.demoUsers ?? [];
  return (
    <div className="fd-view">
      <h1>Who are you troubleshooting as?</h1>
      <p>
        The console shows what the platform lets this login see: the error inbox, a flow's diagnosis and the
        tickets for support. Credentials stay in this page's memory and go only to this gateway.
      </p>
      {loading && answer === undefined && <Loading what="the demo logins" />}
      <ErrorList errors={answer?.errors} />
      {users.length > 0 && (
        <>
          <h2>Demo logins</h2>
          <DemoPicker users={users} onLogin={onLogin} />
        </>
      )}
      <h2>{users.length > 0 ? "Or your own platform login" : "Your platform login"}</h2>
      <CredentialsForm onLogin={onLogin} />
      <QueryPanel ran={ran} />
    </div>
  );
};
