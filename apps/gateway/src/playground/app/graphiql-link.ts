import type { RanOperation } from "./api.js";
import { navigate } from "./route.js";

type Listener = (operation: RanOperation) => void;

let pending: RanOperation | undefined;
let listener: Listener | undefined;

/** Opens an operation in a new GraphiQL tab (GraphiQL loads on first use and takes it then). */
export const openInGraphiQL = (operation: RanOperation): void => {
  pending = operation;
  listener?.(operation);
  navigate("graphiql");
};

/** GraphiQL's side: receives the operations to open, including one asked for before it loaded. */
export const onOpenInGraphiQL = (next: Listener): (() => void) => {
  listener = next;
  if (pending) next(pending);
  return () => {
    if (listener === next) listener = undefined;
  };
};

/** Forgets the operation once GraphiQL shows it. */
export const takenByGraphiQL = (operation: RanOperation): void => {
  if (pending === operation) pending = undefined;
};
