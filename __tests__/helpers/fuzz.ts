import { randomUUID } from "node:crypto";

/**
 * A small seeded generator for property-style tests (no dependency): the
 * seed is printed with any failure, and FUZZ_SEED=<n> replays that run.
 */
export function rng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  return { next, int, pick };
}

export type Rng = ReturnType<typeof rng>;

/**
 * A fixed seed unless FUZZ_SEED says otherwise, so `npm test` (and CI) runs
 * the same cases every time and a failure there is reproducible; `npm run
 * fuzz` explores with a fresh random seed and prints it.
 */
export const DEFAULT_FUZZ_SEED = 20_261_202;

export function fuzzSeed(): number {
  const seed = Number(process.env.FUZZ_SEED || DEFAULT_FUZZ_SEED);
  if (!Number.isSafeInteger(seed)) throw new Error(`FUZZ_SEED must be an integer, got ${JSON.stringify(process.env.FUZZ_SEED)}`);
  return seed;
}

const NASTY_STRINGS = [
  "", " ", "null", "undefined", "NaN", "-1", "0", "1e309", "9".repeat(40), "1.5", "0x10", "true",
  "' or 1=1 --", "\"; drop table \"Product\"; --", "<script>alert(1)</script>", "../../etc/passwd", "%00", "\u0000",
  "😀".repeat(50), "a".repeat(5_000), "\u202e\u200b", "00000000-0000-0000-0000-000000000000", "ZZZZZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZZZZZZZZZ",
  "{\"a\":1}", "[1,2]", "__proto__", "constructor", "user@", "a@b", "x@example.com", "4242 4242 4242 4242", "12/30",
];

/** Any JSON-ish value, biased toward the shapes that break parsers. */
export function anyValue(r: Rng, known: string[] = [], depth = 0): unknown {
  switch (r.int(0, depth > 1 ? 6 : 9)) {
    case 0: return r.pick(NASTY_STRINGS);
    case 1: return r.pick([0, -1, 1, 2, 99, 100, 1e6, -0, 1.5, Number.MAX_SAFE_INTEGER, Number.NaN, Number.POSITIVE_INFINITY]);
    case 2: return r.pick([null, undefined, true, false]);
    case 3: return randomUUID();
    case 4: return known.length ? r.pick(known) : "x";
    case 5: return String(r.int(-5, 200));
    case 6: return Array.from({ length: r.int(1, 30) }, () => String.fromCharCode(r.int(0, 0xffff))).join("");
    case 7: return Array.from({ length: r.int(0, 3) }, () => anyValue(r, known, depth + 1));
    case 8: return Object.fromEntries(Array.from({ length: r.int(0, 3) }, () => [r.pick(["variantId", "quantity", "email", "__proto__", "x"]), anyValue(r, known, depth + 1)]));
    default: return { toString: "not a function" };
  }
}

/**
 * A valid object built from `fields`, then broken in 0–3 places (a field
 * missing or replaced by a fuzzed value, an extra key), so that inputs reach
 * past validation into the domain as well as fail it in every way.
 */
export function shapedInput(r: Rng, fields: Record<string, () => unknown>, known: string[] = []): unknown {
  if (r.next() < 0.1) return anyValue(r, known);
  const out: Record<string, unknown> = Object.fromEntries(Object.entries(fields).map(([key, valid]) => [key, valid()]));
  const keys = Object.keys(fields);
  for (let broken = r.int(0, Math.min(3, keys.length)); broken > 0; broken--) {
    const key = r.pick(keys);
    if (r.next() < 0.25) delete out[key];
    else out[key] = anyValue(r, known);
  }
  if (r.next() < 0.2) out[r.pick(["extra", "__proto__", "constructor", "isAdmin"])] = anyValue(r, known);
  return out;
}

/** A fuzzed value as query or form text (String() throws on some of them, e.g. a non-callable toString). */
export function asText(value: unknown): string {
  try {
    return String(value);
  } catch {
    return JSON.stringify(value) ?? "";
  }
}
