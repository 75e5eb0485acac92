export type { MapperExpressionPaths, MapperPath } from "./mapper-paths.js";
export { readMapperExpression } from "./mapper-paths.js";
export type { MapperCheck, MapperProblem, PathResolution } from "./sample-check.js";
export { checkMapperAgainstSample, mapperExpressions, resolvePath } from "./sample-check.js";
