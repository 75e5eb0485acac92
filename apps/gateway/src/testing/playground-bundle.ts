import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";

/** The playground's budget: 1.5 MB gzipped, read as decimal megabytes (the stricter reading). */
export const BUNDLE_BUDGET_BYTES = 1_500_000;

export interface BundleSizes {
  /** Gzipped bytes of everything in the folder. */
  readonly total: number;
  /** Gzipped bytes of index.html and the files it links: what the first view loads. */
  readonly firstView: number;
  /** Each file's gzipped bytes, largest first, named relative to the folder. */
  readonly files: readonly (readonly [string, number])[];
}

const filesUnder = (folder: string): string[] =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(folder, entry.name)) : [join(folder, entry.name)],
  );

/** The built playground's sizes, gzipped at level 9, as the gateway serves it. */
export const measureBundle = (folder: string): BundleSizes => {
  const sizes = new Map(
    filesUnder(folder).map((file) => [file, gzipSync(readFileSync(file), { level: 9 }).length]),
  );
  const page = readFileSync(join(folder, "index.html"), "utf8");
  const linked = [...page.matchAll(/(?:src|href)="\/playground\/([^"]+)"/g)].map((match) =>
    join(folder, match[1] ?? ""),
  );
  const sum = (list: readonly string[]) => list.reduce((total, file) => total + (sizes.get(file) ?? 0), 0);
  return {
    total: sum([...sizes.keys()]),
    firstView: sum([join(folder, "index.html"), ...linked]),
    files: [...sizes]
      .sort((a, b) => b[1] - a[1])
      .map(([file, size]) => [relative(folder, file), size] as const),
  };
};
