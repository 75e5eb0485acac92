// Runs inside graphql-codegen (the client preset's `onExecutableDocumentNode`), so the generated documents carry
// their operation's facts and the SDK needs no GraphQL parser at run time.
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  print,
  type SelectionSetNode,
} from "graphql";
import type { OperationMetadata } from "../src/graphql/operation-metadata.ts";

const operationOf = (document: DocumentNode): OperationDefinitionNode => {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  const [operation] = operations;
  if (operations.length !== 1 || !operation) {
    throw new Error(`each document must hold exactly one operation (found ${operations.length})`);
  }
  if (!operation.name) throw new Error("every SDK operation needs a name, e.g. query Flow($id: ID!) { … }");
  return operation;
};

/** Response keys of a selection set, through inline fragments and fragment spreads, first seen first. */
const responseKeys = (selectionSet: SelectionSetNode, document: DocumentNode): string[] => {
  const keys = selectionSet.selections.flatMap((selection): string[] => {
    if (selection.kind === Kind.FIELD) return [selection.alias?.value ?? selection.name.value];
    if (selection.kind === Kind.INLINE_FRAGMENT) return responseKeys(selection.selectionSet, document);
    const fragment = document.definitions.find(
      (definition): definition is FragmentDefinitionNode =>
        definition.kind === Kind.FRAGMENT_DEFINITION && definition.name.value === selection.name.value,
    );
    return fragment ? responseKeys(fragment.selectionSet, document) : [];
  });
  return [...new Set(keys)];
};

/** The metadata of the one named operation in a document (its fragments may sit beside it). */
export const operationMetadata = (document: DocumentNode): OperationMetadata => {
  const operation = operationOf(document);
  return {
    operationName: operation.name?.value ?? "",
    operationType: operation.operation,
    variables: (operation.variableDefinitions ?? []).map((definition) => ({
      name: definition.variable.name.value,
      type: print(definition.type),
      required: definition.type.kind === Kind.NON_NULL_TYPE && definition.defaultValue === undefined,
    })),
    rootFields: responseKeys(operation.selectionSet, document),
  };
};
