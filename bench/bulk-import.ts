// npm run bench -- bulk-import: applies a generated 100k-row stock CSV through the
// real upload path (stream parse → zod → COPY into a temp table → locked,
// set-based apply with 100k movements → after-commit events) and compares it
// with a plain COPY of the same file into a scratch table, in the same run.
import { Client, Pool } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { median, prepareBenchDatabase } from "./setup";

const ROWS = Number(process.env.BENCH_BULK_ROWS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WAREHOUSES = ["MAIN", "EAST"];

/** Every variant in both warehouses: a third set, a third increment, a third decrement, values new each round. */
function generateCsv(round: number): Buffer {
  const modes = ["set", "increment", "decrement"] as const;
  let text = "sku,warehouse,quantity,mode,reference,notes\n";
  for (let i = 0; i < ROWS; i++) {
    const variant = Math.floor(i / WAREHOUSES.length);
    const mode = modes[i % 3]!;
    const quantity = mode === "set" ? 1_000 + ((i * 7 + round * 13) % 500) : 1 + ((i + round) % 20);
    text += `BULK-${String(variant).padStart(6, "0")},${WAREHOUSES[i % WAREHOUSES.length]},${quantity},${mode},,${mode === "set" ? "cycle count" : ""}\n`;
  }
  return Buffer.from(text, "utf8");
}

async function* chunks(bytes: Buffer): AsyncIterable<Uint8Array> {
  for (let i = 0; i < bytes.length; i += 64 * 1024) yield bytes.subarray(i, i + 64 * 1024);
}

/**
 * BENCH_PHASES=1: where an apply's time goes — every statement the app sends
 * (timed from send to result, by its first words) and the parse before them,
 * printed to stderr for the last round. Measured in this process by wrapping
 * pg's Client#query, so the app code runs unchanged.
 */
const phases = new Map<string, number>();
function recordPhases() {
  const original = Client.prototype.query as (...args: unknown[]) => unknown;
  (Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (this: Client, ...args: unknown[]) {
    const first = args[0] as string | { text?: string; name?: string } | undefined;
    const text = typeof first === "string" ? first : first?.text ?? (first ? "copy" : "?");
    const label = text.replace(/\s+/g, " ").trim().slice(0, 70);
    const started = performance.now();
    const done = () => phases.set(label, (phases.get(label) ?? 0) + performance.now() - started);
    const callback = args.at(-1);
    if (typeof callback === "function") {
      // pg's Pool#query passes a callback.
      args[args.length - 1] = (...results: unknown[]) => {
        done();
        return (callback as (...a: unknown[]) => unknown)(...results);
      };
      return original.apply(this, args);
    }
    const result = original.apply(this, args);
    if (result && typeof (result as Promise<unknown>).then === "function") (result as Promise<unknown>).then(done, done);
    else if (result && typeof (result as NodeJS.EventEmitter).on === "function") (result as NodeJS.EventEmitter).on("finish", done);
    return result;
  };
}

async function main() {
  if (process.env.BENCH_PHASES) recordPhases();
  const url = await prepareBenchDatabase();
  const { disconnectDb, pgPool } = await import("../lib/db");
  const { applyBulkUpload } = await import("../lib/bulk/upload");
  const { parseBulkCsv } = await import("../lib/bulk/parse-csv");
  const { verifyLedger } = await import("../lib/inventory");
  const { disconnectRedis } = await import("../lib/redis");

  // Catalogue: ROWS / 2 variants stocked with 1,000 units in two warehouses, ledger included.
  const pool = pgPool();
  const variants = Math.ceil(ROWS / WAREHOUSES.length);
  await pool.query(`insert into "Warehouse" ("code", "name", "priority") values ('MAIN', 'Main', 0), ('EAST', 'East', 1)`);
  await pool.query(`insert into "Product" ("slug", "name", "description", "category", "priceCents", "imageUrl", "updatedAt")
    values ('bench', 'Bench', '', 'bench', 100, '/x.svg', now())`);
  await pool.query(`insert into "ProductVariant" ("productId", "sku", "title")
    select p."id", 'BULK-' || lpad(g::text, 6, '0'), 'V' || g from "Product" p, generate_series(0, $1 - 1) g`, [variants]);
  await pool.query(`insert into "StockLevel" ("variantId", "warehouseId", "onHand") select v."id", w."id", 1000 from "ProductVariant" v, "Warehouse" w`);
  await pool.query(`insert into "InventoryMovement" ("variantId", "warehouseId", "type", "quantity", "reference", "createdBy")
    select "variantId", "warehouseId", 'PURCHASE_ORDER', 1000, 'PO-BENCH', 'bench' from "StockLevel"`);
  await pool.query(`vacuum analyze`);

  const baselinePool = new Pool({ connectionString: url, max: 1 });
  await baselinePool.query(`create table bench_copy (sku text, warehouse text, quantity int, mode text, reference text, notes text)`);
  const user = { id: "00000000-0000-4000-8000-000000000001", email: "bench@stockroom.test", name: "Bench", role: "OPS" as const };

  const ours = async (round: number, file: Buffer) => { 
    const started = performance.now();
    const result = await applyBulkUpload({ source: chunks(file), request: { filename: "bench.csv", reference: `BENCH-${round}` }, user });
    const seconds = (performance.now() - started) / 1_000;
    if (result.status !== "APPLIED" || result.totals.changedRows < ROWS * 0.9) throw new Error(`bench upload not applied: ${JSON.stringify(result.totals)} ${JSON.stringify(result.errors.slice(0, 3))}`);
    return seconds;
  };
  const baseline = async (file: Buffer) => {
    await baselinePool.query("truncate bench_copy");
    const client = await baselinePool.connect();
    try {
      const started = performance.now();
      await pipeline(Readable.from(chunks(file)), client.query(copyFrom("copy bench_copy from stdin (format csv, header true)")));
      return (performance.now() - started) / 1_000;
    } finally {
      client.release();
    }
  };

  // For the record: the ledger write alone (100k movement rows with their
  // indexes and foreign keys), measured in a transaction that is rolled back.
  const ledgerInsert = async () => {
    const client = await baselinePool.connect();
    try {
      await client.query("begin");
      const started = performance.now();
      await client.query(`insert into "InventoryMovement" ("variantId", "warehouseId", "type", "quantity", "reference", "createdBy")
        select "variantId", "warehouseId", 'ADJUSTMENT', 1, 'LEDGER-FLOOR', 'bench' from "StockLevel" limit ${ROWS}`);
      return (performance.now() - started) / 1_000;
    } finally {
      await client.query("rollback");
      client.release();
    }
  };

  await baseline(generateCsv(0)); // warm-up: connections, plans, JIT
  await ours(0, generateCsv(0));
  const oursRuns: number[] = [];
  const baseRuns: number[] = [];
  const ledgerRuns: number[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const file = generateCsv(round);
    baseRuns.push(await baseline(file));
    ledgerRuns.push(await ledgerInsert());
    phases.clear();
    oursRuns.push(await ours(round, file));
  }
  if (process.env.BENCH_PHASES) {
    const total = oursRuns.at(-1)! * 1_000;
    const inDb = [...phases.values()].reduce((a, b) => a + b, 0);
    const parseStarted = performance.now();
    await parseBulkCsv(chunks(generateCsv(ROUNDS)), { maxBytes: 1 << 30 });
    const parseMs = performance.now() - parseStarted;
    console.error(`phases of the last apply (${total.toFixed(0)} ms; outside these statements: ${(total - inDb).toFixed(0)} ms, of which parse + validate, timed again on its own: ${parseMs.toFixed(0)} ms):`);
    for (const [label, ms] of [...phases].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.error(`${ms.toFixed(0).padStart(7)} ms  ${label}`);
  }
  const ledger = await verifyLedger();
  await baselinePool.end();
  await disconnectDb();
  await disconnectRedis();
  const seconds = median(oursRuns);
  const baselineSeconds = median(baseRuns);
  const floor = median(baseRuns.map((copy, i) => copy + ledgerRuns[i]!));
  console.error(`runs: ours ${oursRuns.map((s) => s.toFixed(2)).join(", ")} s; COPY ${baseRuns.map((s) => s.toFixed(3)).join(", ")} s`);
  console.log(JSON.stringify({
    bench: "bulk-import",
    rows: ROWS,
    seconds: Number(seconds.toFixed(3)),
    baseline_seconds: Number(baselineSeconds.toFixed(3)),
    ratio: Number((seconds / baselineSeconds).toFixed(2)),
    ledger_insert_seconds: Number(median(ledgerRuns).toFixed(3)),
    // The floor any ledgered apply pays: the file's COPY plus the bare ledger insert, per round.
    floor_seconds: Number(floor.toFixed(3)),
    floor_ratio: Number((seconds / floor).toFixed(2)),
    invariant_ok: ledger.ok,
  }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
