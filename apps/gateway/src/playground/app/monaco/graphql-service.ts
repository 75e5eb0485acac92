// monaco-graphql's worker starts its service from the first message; the handler it installs on loading is that
// start.
import "monaco-graphql/esm/graphql.worker";

export const startGraphQLService = globalThis.onmessage;
