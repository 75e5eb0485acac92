import "graphiql/setup-workers/vite";
import "graphiql/style.css";
import "./playground.css";
import { GraphiQL } from "graphiql";
import { createElement as h, StrictMode, useRef } from "react";
import { createRoot } from "react-dom/client";
import { PLAYGROUND_EXAMPLES } from "../examples.js";
import { CredentialsBar } from "./credentials-bar.js";
import { createFetcher } from "./fetcher.js";

const Playground = () => {
  const authorization = useRef<string | undefined>(undefined);
  const fetcher = useRef(createFetcher("/graphql", () => authorization.current)).current;
  return h(
    "div",
    { className: "fd-page" },
    h(CredentialsBar, {
      onChange: (value) => {
        authorization.current = value;
      },
    }),
    h(
      "div",
      { className: "fd-graphiql" },
      h(GraphiQL, {
        fetcher,
        defaultTabs: PLAYGROUND_EXAMPLES.map((example) => ({ ...example })),
        defaultEditorToolsVisibility: true,
      }),
    ),
  );
};

const root = document.getElementById("root");
if (root) createRoot(root).render(h(StrictMode, null, h(Playground)));
