import "./console.css";
import { lazy, StrictMode, Suspense, useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { navigate, type Route, useRoute, type View } from "./route.js";
import { type Session, SessionContext, SIGNED_OUT } from "./session.js";
import { DiagnosisView } from "./views/diagnosis.js";
import { HealthView } from "./views/health.js";
import { InboxView } from "./views/inbox.js";
import { LoginView } from "./views/login.js";
import { TicketView } from "./views/ticket.js";

// GraphiQL and its editor are most of the bundle: they load when first opened, not for the first view.
const GraphiQLView = lazy(() =>
  import("./views/graphiql-view.js").then((module) => ({ default: module.GraphiQLView })),
);

type Theme = "light" | "dark";
const THEME_KEY = "flowdoctor:theme";

const initialTheme = (): Theme => {
  const stored = localStorage.getItem(THEME_KEY);
  if (stored === "light" || stored === "dark") return stored;
  return window.matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light";
};

const NAV: readonly (readonly [View, string])[] = [
  ["inbox", "Inbox"],
  ["health", "Health"],
  ["diagnosis", "Diagnosis"],
  ["ticket", "Tickets"],
  ["graphiql", "GraphiQL"],
];

const Header = ({
  route,
  session,
  theme,
  onTheme,
}: {
  route: Route;
  session: Session;
  theme: Theme;
  onTheme: () => void;
}) => (
  <header className="fd-header">
    <a className="fd-brand" href="#/login">
      Flowdoctor
    </a>
    <nav aria-label="Views">
      {NAV.map(([view, label]) => (
        <a key={view} href={`#/${view}`} aria-current={route.view === view ? "page" : undefined}>
          {label}
        </a>
      ))}
    </nav>
    <span className="fd-who" title={session.email}>
      {session.email ? `Signed in as ${session.name}` : "Not signed in"}
    </span>
    <a href="#/login">{session.email ? "Change login" : "Sign in"}</a>
    <button
      type="button"
      onClick={onTheme}
      aria-label={`Switch to ${theme === "dark" ? "light" : "dark"} theme`}
    >
      {theme === "dark" ? "Light" : "Dark"}
    </button>
  </header>
);

const CurrentView = ({ route, onLogin }: { route: Route; onLogin: (session: Session) => void }) => {
  switch (route.view) {
    case "inbox":
      return <InboxView params={route.params} />;
    case "health":
      return <HealthView params={route.params} />;
    case "diagnosis":
      return <DiagnosisView params={route.params} />;
    case "ticket":
      return <TicketView params={route.params} />;
    case "graphiql":
      return null;
    default:
      return <LoginView onLogin={onLogin} />;
  }
};

const Console = () => {
  const route = useRoute();
  const [session, setSession] = useState<Session>(SIGNED_OUT);
  const [theme, setTheme] = useState<Theme>(initialTheme);
  const [graphiqlOpened, setGraphiqlOpened] = useState(route.view === "graphiql");
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    localStorage.setItem(THEME_KEY, theme);
  }, [theme]);
  useEffect(() => {
    if (route.view === "graphiql") setGraphiqlOpened(true);
  }, [route.view]);
  const onLogin = (next: Session) => {
    setSession(next);
    if (route.view === "login") navigate("inbox");
  };
  const needsLogin = !session.authorization && route.view !== "graphiql";
  return (
    <SessionContext.Provider value={session}>
      <div className={route.view === "graphiql" ? "fd-page fd-full" : "fd-page"}>
        <Header
          route={route}
          session={session}
          theme={theme}
          onTheme={() => setTheme(theme === "dark" ? "light" : "dark")}
        />
        <main className="fd-main" hidden={route.view === "graphiql"}>
          <CurrentView route={needsLogin ? { view: "login", params: {} } : route} onLogin={onLogin} />
        </main>
        {graphiqlOpened && (
          <div className="fd-graphiql-host" hidden={route.view !== "graphiql"}>
            <Suspense fallback={<p role="status">Loading GraphiQL…</p>}>
              <GraphiQLView theme={theme} />
            </Suspense>
          </div>
        )}
      </div>
    </SessionContext.Provider>
  );
};

const root = document.getElementById("root");
if (root)
  createRoot(root).render(
    <StrictMode>
      <Console />
    </StrictMode>,
  );
