import "../monaco/setup-workers.js";
// GraphiQL's parts one by one rather than `graphiql/style.css`, which repeats Monaco's CSS (Monaco's own modules
// bring it) and inlines web fonts: 350 kB gzipped less; system fonts take their place.
import "@graphiql/react/style.css";
import "@graphiql/plugin-doc-explorer/style.css";
import "@graphiql/plugin-history/style.css";
import "graphiql/graphiql.css";
import { useGraphiQL, useGraphiQLActions } from "@graphiql/react";
import { GraphiQL } from "graphiql";
import { useEffect, useRef } from "react";
import { PLAYGROUND_EXAMPLES } from "../../examples.js";
import type { RanOperation } from "../api.js";
import { createFetcher } from "../fetcher.js";
import { onOpenInGraphiQL, takenByGraphiQL } from "../graphiql-link.js";
import { useSession } from "../session.js";

/**
 * Lives inside GraphiQL: wraps long lines in the operation editor (the examples' comments were cut off) and
 * opens the operations the console's views ask for, each in a new tab.
 */
const ConsoleBridge = () => {
  const queryEditor = useGraphiQL((state) => state.queryEditor);
  const variableEditor = useGraphiQL((state) => state.variableEditor);
  const { addTab } = useGraphiQLActions();
  useEffect(() => {
    queryEditor?.updateOptions({ wordWrap: "on" });
  }, [queryEditor]);
  useEffect(() => {
    if (!queryEditor || !variableEditor) return;
    return onOpenInGraphiQL((operation: RanOperation) => {
      addTab();
      queryEditor.setValue(operation.query);
      variableEditor.setValue(JSON.stringify(operation.variables, null, 2));
      takenByGraphiQL(operation);
    });
  }, [queryEditor, variableEditor, addTab]);
  return null;
};

/** GraphiQL with the playground's example tabs, sending the console's credentials. */
export const GraphiQLView = ({ theme }: { theme: "light" | "dark" }) => {
  const { authorization } = useSession();
  const current = useRef(authorization);
  current.current = authorization;
  const fetcher = useRef(createFetcher("/graphql", () => current.current)).current;
  return (
    <div className="fd-graphiql">
      <GraphiQL
        fetcher={fetcher}
        defaultTabs={PLAYGROUND_EXAMPLES.map((example) => ({ ...example }))}
        defaultEditorToolsVisibility
        forcedTheme={theme}
      >
        <ConsoleBridge />
      </GraphiQL>
    </div>
  );
};
