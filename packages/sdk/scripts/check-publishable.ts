// Run before `pnpm publish` (prepublishOnly): npm's provenance must name the repository the package is built from,
// and no real one is known yet, so a publish without it stops here instead of failing at the registry.
import { readFileSync } from "node:fs";

/** Why a manifest cannot be published with provenance; empty when it can. */
export const publishProblems = (manifest: Record<string, unknown>): string[] => {
  const repository = manifest.repository as { url?: unknown; directory?: unknown } | undefined;
  const problems: string[] = [];
  if (typeof repository?.url !== "string" || !/^git\+https:\/\/\S+\.git$/.test(repository.url))
    problems.push(
      'package.json "repository.url" must be the git+https URL of the repository CI publishes from (provenance checks it)',
    );
  if (repository?.directory !== "packages/sdk")
    problems.push('package.json "repository.directory" must be "packages/sdk"');
  return problems;
};

if (process.argv[1]?.endsWith("check-publishable.ts")) {
  const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
  const problems = publishProblems(manifest);
  for (const problem of problems) console.error(`@flowdoctor/sdk cannot be published: ${problem}`);
  process.exitCode = problems.length > 0 ? 1 : 0;
}
