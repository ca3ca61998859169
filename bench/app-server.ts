// Starting `next start` instances and talking to them over HTTP, for the
// benches that measure the app as shoppers reach it (read-cached, sse-fanout,
// chaos). They need a production build (`npm run build`).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";

const root = path.resolve(__dirname, "..");

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export type AppInstance = { port: number; url: string; process: ChildProcess; stop: () => Promise<void> };

/** One `next start` on a free port with the bench's database and Redis; resolves once /api/health answers 200. */
export async function startApp(env: Record<string, string>): Promise<AppInstance> {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) throw new Error("no production build: run `npm run build` first");
  const port = await freePort();
  // BENCH_CPU_PROF=<dir>: a V8 CPU profile of each app instance (written when it stops); read it with bench/profile-summary.ts.
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];
  // BENCH_APP_NODE_FLAGS: extra node flags for the app only (e.g. GC settings, --heapsnapshot-signal).
  profile.push(...(process.env.BENCH_APP_NODE_FLAGS ?? "").split(/\s+/).filter(Boolean));
  const next = path.join(root, "node_modules", "next", "dist", "bin", "next");
  // Through sh, to lift the soft open-file limit to the hard one first: each SSE stream is a socket (sse-fanout).
  const raiseFdLimit = 'ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$0" "$@"';
  const child = spawn("sh", ["-c", raiseFdLimit, process.execPath, ...profile, next, "start", "-p", String(port)], {
    cwd: root,
    // The bench plays the load balancer: its X-Forwarded-For names each simulated shopper.
    env: { ...process.env, TRUSTED_PROXY_HOPS: "1", ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: "error" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    const status = await fetch(`${url}/api/health`).then((r) => r.status, () => 0);
    if (status === 200) break;
    if (Date.now() > deadline) throw new Error(`app on ${port} not healthy after 60 s (last status ${status})`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3_000))]);
    if (child.exitCode === null) child.kill("SIGKILL");
  };
  return { port, url, process: child, stop };
}

/** CPU time (user + system, ms) a process has used so far (Linux /proc; clock ticks of 10 ms). */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10; // utime, stime (fields 14 and 15 of stat)
}

/** `load` plus the app process's CPU per request over the round: where the app's own time goes, apart from PostgreSQL and the client. */
export async function loadWithCpu(pid: number, ms: number, concurrency: number, request: (loop: number) => Promise<boolean>) {
  const cpuBefore = processCpuMs(pid);
  const result = await load(ms, concurrency, request);
  return { ...result, appCpuMsPerOp: (processCpuMs(pid) - cpuBefore) / Math.max(1, result.latencies.length) };
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const keepAliveAgent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

/** GET over a keep-alive agent; resolves with the status and body once the response ends. */
export function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: keepAliveAgent, headers }, (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
        response.on("error", reject);
      })
      .on("error", reject);
  });
}

/** Closed-loop load: `concurrency` loops issue requests for `ms`; returns requests/s and sorted latencies (ms). */
export async function load(ms: number, concurrency: number, request: (loop: number) => Promise<boolean>) {
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  const deadline = started + ms;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, loop) => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        const ok = await request(loop).catch(() => false);
        latencies.push(performance.now() - t0);
        if (!ok) failures += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1_000;
  return { rps: latencies.length / seconds, latencies: latencies.sort((a, b) => a - b), failures };
}

type ActionRef = { id: string; page: string; filename: string; exportedName: string };

/** Every server action `next build` registered, with a page that serves it. */
export function serverActions(): ActionRef[] {
  const manifest = JSON.parse(readFileSync(path.join(root, ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string; workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers)[0]!; // e.g. "app/(store)/cart/page"
    const page = worker.replace(/^app/, "").replace(/\/\([^)]+\)/g, "").replace(/\/page$/, "") || "/";
    return { id, page: page.includes("[") ? "/cart" : page, filename: entry.filename ?? "", exportedName: entry.exportedName ?? "" };
  });
}

/** The id under which `next build` registered a server action (`app/actions/cart.ts`, `addToCartAction`). */
export function serverActionId(filename: string, exportedName: string): { id: string; page: string } {
  const found = serverActions().find((a) => a.filename === filename && a.exportedName === exportedName);
  if (!found) throw new Error(`server action ${exportedName} of ${filename} is not in the build`);
  return { id: found.id, page: found.page };
}

/**
 * Calls a server action the way the browser does (POST with a Next-Action
 * header) and returns the HTTP status and the action's result, read from the
 * RSC payload. `clientIp` simulates distinct shoppers behind a load balancer.
 */
export async function callServerAction<T>(base: string, action: { id: string; page: string }, args: unknown[], clientIp: string) {
  const response = await fetch(`${base}${action.page}`, {
    method: "POST",
    headers: {
      "next-action": action.id,
      accept: "text/x-component",
      "content-type": "text/plain;charset=UTF-8",
      origin: base,
      "x-forwarded-for": clientIp,
    },
    body: JSON.stringify(args),
  });
  const text = await response.text();
  // Flight rows look like `1:{"ok":true,...}`; the action's return value is the row holding `ok`.
  const row = text.split("\n").find((line) => /^[0-9a-f]+:\{"ok":/.test(line));
  const result = row ? (JSON.parse(row.slice(row.indexOf(":") + 1)) as T) : null;
  return { status: response.status, result };
}
