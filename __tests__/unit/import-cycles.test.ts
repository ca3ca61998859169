import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "@jest/globals";
import ts from "typescript";

// Lint's import/no-cycle skips `import type`, but a circle through types is
// still a circle in the layering (lib/inventory/bulk-import.ts and
// lib/bulk/upload-record.ts were one). This walks every import and export,
// types included, resolved the way tsc resolves them.

const ROOT = join(__dirname, "..", "..");
const DIRS = ["lib", "app", "components", "scripts", "bench", "prisma"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

function importGraph(): Map<string, string[]> {
  const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  const options = config?.options ?? {};
  const files = DIRS.flatMap((dir) => sourceFiles(join(ROOT, dir)));
  const known = new Set(files);
  return new Map(
    files.map((file) => {
      const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
      const targets = importedFiles
        .map(({ fileName }) => ts.resolveModuleName(fileName, file, options, ts.sys).resolvedModule?.resolvedFileName)
        .filter((target): target is string => target !== undefined && known.has(target));
      return [file, targets];
    }),
  );
}

/** One cycle per strongly connected component with more than one file (or a file importing itself). */
function cycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (file: string) => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file)!, index.get(next)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(relative(ROOT, member));
    } while (member !== file);
    if (component.length > 1 || graph.get(file)?.includes(file)) found.push(component.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return found;
}

describe("import graph", () => {
  it("finds the files and their imports", () => {
    const graph = importGraph();
    const apply = graph.get(join(ROOT, "lib/inventory/bulk/apply.ts"));
    expect(apply).toContain(join(ROOT, "lib/inventory/bulk/upload-record.ts"));
    expect(apply).toContain(join(ROOT, "lib/db.ts")); // "@/…" paths resolve too
  });

  it("has no cycles, counting type-only imports", () => {
    expect(cycles(importGraph())).toEqual([]);
  });

  it("would report a circle through types", () => {
    const a = "/x/a.ts";
    const b = "/x/b.ts";
    expect(cycles(new Map([[a, [b]], [b, [a]]]))).toHaveLength(1);
  });
});
