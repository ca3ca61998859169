// npx tsx bench/profile-summary.ts <file.cpuprofile> [top] [last-seconds]:
// where a V8 CPU profile's samples went — self time by function and by
// package or source area, as shares of the process's busy (non-idle) time;
// with last-seconds, only the samples of the profile's final seconds (e.g. a
// bench's measured phase after its set-up).
import { readFileSync } from "node:fs";

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

const [file, topArg, lastArg] = process.argv.slice(2);
if (!file) {
  console.error("usage: tsx bench/profile-summary.ts <file.cpuprofile> [top]");
  process.exit(2);
}
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map<number, number>();
const span = profile.timeDeltas.reduce((a, b) => a + b, 0);
const from = lastArg ? span - Number(lastArg) * 1e6 : 0;
let at = 0;
profile.samples.forEach((id, i) => {
  at += profile.timeDeltas[i] ?? 0;
  if (at >= from) selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});

function area(url: string, name: string): string {
  if (!url) return name.startsWith("(") ? name : "(native)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)/.exec(url);
  if (pkg) {
    if (pkg[1] === "next") {
      const sub = /dist\/(compiled\/[^/]+|server\/[^/]+|[^/]+)/.exec(pkg[2]!);
      return `next/${sub?.[1] ?? "?"}`;
    }
    return pkg[1]!;
  }
  if (url.startsWith("node:")) return url;
  const app = /\.next\/server\/(.*)/.exec(url);
  if (app) return `.next/server/${app[1]!.split("/")[0]}`;
  return url.replace(/^file:\/\//, "").split("/").slice(-2).join("/");
}

// PROFILE_MATCH=<regex>: also the inclusive time (self + callees, within
// synchronous stacks) of frames whose "function file" label matches.
const parentOf = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
const inclusive = new Map<string, number>();
const match = process.env.PROFILE_MATCH ? new RegExp(process.env.PROFILE_MATCH, "i") : null;

const functions = new Map<string, number>();
const areas = new Map<string, number>();
let total = 0;
let idle = 0;
for (const [id, us] of selfUs) {
  const node = byId.get(id)!;
  const { functionName, url, lineNumber } = node.callFrame;
  total += us;
  if (functionName === "(idle)") {
    idle += us;
    continue;
  }
  const key = `${functionName || "(anonymous)"} ${area(url, functionName)}:${lineNumber + 1}`;
  if (match) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const frame = byId.get(at)!.callFrame;
      const label = `${frame.functionName || "(anonymous)"} ${area(frame.url, frame.functionName)}`;
      if (seen.has(label) || !match.test(label)) continue;
      seen.add(label);
      inclusive.set(label, (inclusive.get(label) ?? 0) + us);
    }
  }
  functions.set(key, (functions.get(key) ?? 0) + us);
  const a = area(url, functionName);
  areas.set(a, (areas.get(a) ?? 0) + us);
}
const busy = total - idle;
const pct = (us: number) => `${((100 * us) / busy).toFixed(1).padStart(5)} %`;
console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled, busy ${(busy / 1e6).toFixed(1)} s (${((100 * busy) / total).toFixed(0)} %)`);
console.log("\nself time by area (share of busy):");
for (const [name, us] of [...areas].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(us)}  ${name}`);
console.log("\nself time by function:");
for (const [name, us] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(us)}  ${name}`);
if (match) {
  console.log(`\ninclusive time of frames matching ${match}:`);
  for (const [name, us] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(us)}  ${name}`);
}
