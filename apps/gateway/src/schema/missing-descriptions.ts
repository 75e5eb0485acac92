import {
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
} from "graphql";

const isBlank = (description: string | null | undefined): boolean => (description ?? "").trim() === "";

/** Every type, field, argument, input field and enum value of the schema without a description, by schema path. */
export const missingDescriptions = (schema: GraphQLSchema): string[] => {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__") || isSpecifiedScalarType(type)) continue;
    if (isBlank(type.description)) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (isBlank(field.description)) missing.push(`${type.name}.${field.name}`);
        for (const arg of field.args)
          if (isBlank(arg.description)) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields()))
        if (isBlank(field.description)) missing.push(`${type.name}.${field.name}`);
    } else if (isEnumType(type)) {
      for (const value of type.getValues())
        if (isBlank(value.description)) missing.push(`${type.name}.${value.name}`);
    }
  }
  return missing;
};
