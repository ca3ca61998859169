// sse-fanout: 10,000 concurrent SSE subscribers of one product on one app
// instance; each stock change (a hold made by this process, published through
// Redis like any other instance's) must reach every subscriber. Latency is
// measured per subscriber from the start of the change to the arrival of the
// frame showing it. Baseline (same run): the same change→client latency with a
// single subscriber; ratio = p99 with 10,000 / p99 with one. Target: p99 < 250 ms,
// 0 missed. Also prints the app's resident memory with all streams open
// (`rss_mb`) and per stream (`kb_per_stream`: RSS growth ÷ streams).
//
// Every subscriber is its own viewer (X-Forwarded-For behind the bench's
// trusted proxy hop), so the per-IP cap applies as in production; the
// instance cap (SSE_MAX_STREAMS) is raised above the subscriber count for the
// bench only. Each side holds one socket per subscriber: the bench raises its
// own soft file-descriptor limit where it can and refuses to start if the
// limit is too low (`ulimit -n`).
import http from "node:http";
import { randomBytes } from "node:crypto";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { percentile, startApp } from "./app-server";
import { createBenchVariant, prepareBenchDatabase } from "./setup";

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 10_000);
const CHANGES = Number(process.env.BENCH_CHANGES ?? 10);

type Subscriber = { waitFor: (available: number) => Promise<number>; close: () => void };

/** One SSE connection (its own socket); `waitFor(n)` resolves with the arrival time of the first frame showing `n` available. */
function subscribe(url: string, agent: http.Agent, viewer: number): Promise<Subscriber> {
  return new Promise((resolve, reject) => {
    const waiters = new Map<number, (at: number) => void>();
    const seen = new Map<number, number>();
    let buffer = "";
    // Each subscriber is its own viewer behind the bench's load balancer (live streams are capped per client IP).
    const viewerIp = `10.${(viewer >> 16) & 255}.${(viewer >> 8) & 255}.${viewer & 255}`;
    const request = http.get(url, { agent, headers: { "x-forwarded-for": viewerIp } }, (response) => {
      if (response.statusCode !== 200) return reject(new Error(`stream answered ${response.statusCode}`));
      response.setEncoding("utf8");
      let opened = false;
      response.on("data", (chunk: string) => {
        const at = performance.now();
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          // A regex, not JSON.parse: with 2,000 streams in this one process, the client's own cost counts against the latency.
          const match = frame.includes("event: stock") ? /"available":(-?\d+)/.exec(frame) : null;
          if (!match) continue;
          const available = Number(match[1]);
          if (!seen.has(available)) seen.set(available, at);
          waiters.get(available)?.(at);
          if (!opened) {
            opened = true;
            resolve({
              waitFor: (n) => (seen.has(n) ? Promise.resolve(seen.get(n)!) : new Promise((r) => waiters.set(n, r))),
              close: () => request.destroy(),
            });
          }
        }
      });
    });
    request.on("error", reject);
  });
}

async function measure(url: string, count: number, variantId: string, startAvailable: number, reserve: (variantId: string) => Promise<unknown>, onOpen: () => unknown = () => {}) {
  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  const subscribers: Subscriber[] = [];
  for (let i = 0; i < count; i += 100) {
    // Connect in waves of 100 so the server is not handed 2,000 handshakes at once.
    subscribers.push(...(await Promise.all(Array.from({ length: Math.min(100, count - i) }, (_, k) => subscribe(url, agent, i + k + 1)))));
  }
  await onOpen();
  const latencies: number[] = [];
  let missed = 0;
  for (let change = 1; change <= CHANGES; change++) {
    const expected = startAvailable - change;
    await new Promise((r) => setTimeout(r, 300)); // let the previous wave settle
    const started = performance.now();
    await reserve(variantId);
    const arrivals = await Promise.all(
      subscribers.map((s) => Promise.race([s.waitFor(expected), new Promise<null>((r) => setTimeout(() => r(null), 5_000))])),
    );
    for (const at of arrivals) {
      if (at === null) missed += 1;
      else latencies.push(Math.max(0, at - started));
    }
  }
  for (const s of subscribers) s.close();
  agent.destroy();
  return { latencies: latencies.sort((a, b) => a - b), missed };
}

/** Resident memory of a process, in MB (Linux /proc). */
function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Number(match[1]) / 1_024 : NaN;
}

/** File descriptors this process may open (soft limit); children inherit it. */
function openFileLimit(): number {
  try {
    return Number(execFileSync("sh", ["-c", "ulimit -n"], { encoding: "utf8" }).trim());
  } catch {
    return NaN;
  }
}

async function main() {
  // Each subscriber is a socket on both sides (plus the app's database and Redis connections).
  const limit = openFileLimit();
  if (limit < SUBSCRIBERS + 1_000) {
    throw new Error(`open file limit ${limit} is too low for ${SUBSCRIBERS} subscribers: run \`ulimit -n ${SUBSCRIBERS * 2}\` first`);
  }
  await prepareBenchDatabase();
  const { disconnectDb } = await import("../lib/db");
  const { reserveStock } = await import("../lib/inventory");
  const { disconnectRedis } = await import("../lib/redis");

  const stocked = (slug: string) => createBenchVariant(slug, 1_000);
  const [single, fanout] = [await stocked("sse-single"), await stocked("sse-fanout")];
  const app = await startApp({
    DATABASE_URL: process.env.DATABASE_URL!,
    REDIS_URL: process.env.REDIS_URL!,
    REDIS_KEY_PREFIX: process.env.REDIS_KEY_PREFIX!,
    SESSION_SECRET: "bench-session-secret-0123456789abcdef",
    SSE_MAX_STREAMS: String(SUBSCRIBERS + 1_000),
  });
  const reserve = (variantId: string) => reserveStock({ variantId, sessionId: randomBytes(18).toString("base64url"), quantity: 1 });
  try {
    const base = await measure(`${app.url}/api/inventory/stream?productId=${single.productId}`, 1, single.variantId, 1_000, reserve);
    await new Promise((r) => setTimeout(r, 1_000));
    const rssBefore = rssMb(app.process.pid!);
    let rssOpen = NaN;
    const ours = await measure(`${app.url}/api/inventory/stream?productId=${fanout.productId}`, SUBSCRIBERS, fanout.variantId, 1_000, reserve, () => {
      rssOpen = rssMb(app.process.pid!);
    });
    const p99 = percentile(ours.latencies, 99);
    const baseP99 = percentile(base.latencies, 99);
    console.log(
      JSON.stringify({
        bench: "sse-fanout",
        subscribers: SUBSCRIBERS,
        changes: CHANGES,
        p50_ms: Number(percentile(ours.latencies, 50).toFixed(1)),
        p99_ms: Number(p99.toFixed(1)),
        max_ms: Number(ours.latencies.at(-1)!.toFixed(1)),
        baseline_p99_ms: Number(baseP99.toFixed(1)),
        ratio: Number((p99 / baseP99).toFixed(2)),
        missed: ours.missed + base.missed,
        rss_mb: Math.round(rssOpen),
        rss_before_mb: Math.round(rssBefore),
        kb_per_stream: Number((((rssOpen - rssBefore) * 1_024) / SUBSCRIBERS).toFixed(1)),
        deliveries: ours.latencies.length,
      }),
    );
  } finally {
    await app.stop();
    await disconnectDb();
    await disconnectRedis();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
