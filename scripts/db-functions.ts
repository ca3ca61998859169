// npm run db:functions [-- <migration_name>] [--init]
//
// Makes the migrations carry prisma/functions/*.sql: migrates a scratch copy
// of the database (DATABASE_URL's server, database "<name>_functions"),
// compares every stockroom_* function with its file, and writes one new
// migration with the CREATE OR REPLACE of each function whose file differs
// (or is new). The changed files are then rewritten in PostgreSQL's own
// printing (their comment header kept), which is what the functions test
// compares. A function whose arguments or result change is dropped first
// (CREATE OR REPLACE cannot change them, and would leave an overload).
// --init writes a file for every function that has none, from the database.
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { Client } from "pg";
import { compareFunctions, definitionHeader, readDatabaseFunctions, readFunctionFiles, writeFunctionFile } from "../lib/db/functions";
import { applyMigrations, dropDatabase, ensureDatabase } from "../lib/db/migrate";
import { MIGRATIONS_DIR } from "../lib/db/schema-engine";

const args = process.argv.slice(2);
const init = args.includes("--init");
const name = args.find((a) => !a.startsWith("--")) ?? "sql_functions";
const databaseUrl = process.env.DATABASE_URL;

async function withDatabase<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

type Signature = { args: string; result: string };

async function signatureOf(client: Client, fn: string): Promise<Signature | undefined> {
  const { rows } = await client.query<Signature>(
    `select pg_get_function_identity_arguments(p.oid) as args, pg_get_function_result(p.oid) as result
     from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'public' and p.proname = $1`,
    [fn],
  );
  return rows[0];
}

/** The DROP a changed function needs first, found by trying the file in a rolled-back transaction. */
async function dropIfSignatureChanges(client: Client, fn: string, sql: string): Promise<string | null> {
  const before = await signatureOf(client, fn);
  if (!before) return null;
  await client.query("begin");
  try {
    await client.query(`drop function public.${fn}(${before.args})`);
    await client.query(sql);
    const after = await signatureOf(client, fn);
    return after && after.args === before.args && after.result === before.result ? null : `DROP FUNCTION IF EXISTS public.${fn}(${before.args});\n`;
  } finally {
    await client.query("rollback");
  }
}

/** The comment block right above a function's latest CREATE in the migrations (its explanation). */
async function migrationComment(fn: string): Promise<string> {
  let comment = "";
  for (const folder of (await readdir(MIGRATIONS_DIR, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    const lines = (await readFile(path.join(MIGRATIONS_DIR, folder, "migration.sql"), "utf8")).split("\n");
    const at = lines.findLastIndex((line) => line.toUpperCase().startsWith(`CREATE OR REPLACE FUNCTION ${fn.toUpperCase()}(`));
    if (at < 0) continue;
    let start = at;
    while (start > 0 && lines[start - 1]!.startsWith("--")) start -= 1;
    if (start < at) comment = lines.slice(start, at).join("\n");
  }
  return comment;
}

async function main() {
  if (!databaseUrl) throw new Error("DATABASE_URL is not set (its server hosts the scratch database)");
  const scratch = new URL(databaseUrl);
  scratch.pathname = `${scratch.pathname}_functions`;
  await dropDatabase(scratch.toString());
  await ensureDatabase(scratch.toString());
  try {
    await applyMigrations(scratch.toString());
    const files = await readFunctionFiles();
    const database = await withDatabase(scratch.toString(), readDatabaseFunctions);
    const drift = compareFunctions(files, database);
    if (drift.missingFile.length && !init) throw new Error(`no file in prisma/functions for: ${drift.missingFile.join(", ")} (run with --init)`);
    for (const fn of drift.missingFile) {
      await writeFunctionFile(fn, await migrationComment(fn), database.get(fn)!);
      console.log(`wrote prisma/functions/${fn}.sql`);
    }
    const pending = [...drift.missingInDatabase, ...drift.changed].sort();
    if (!pending.length) {
      console.log("prisma/functions matches the migrations; nothing to create");
      return;
    }
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const folder = `${stamp}_${name}`;
    const drops = await withDatabase(scratch.toString(), async (client) => {
      const found = new Map<string, string>();
      for (const fn of pending) {
        const drop = await dropIfSignatureChanges(client, fn, files.get(fn)!);
        if (drop) found.set(fn, drop);
      }
      return found;
    });
    const body = pending.map((fn) => `${drops.get(fn) ?? ""}${files.get(fn)!.trim()};\n`).join("\n");
    await mkdir(path.join(MIGRATIONS_DIR, folder), { recursive: true });
    await writeFile(
      path.join(MIGRATIONS_DIR, folder, "migration.sql"),
      `-- Generated by npm run db:functions from prisma/functions (the current definitions): ${pending.join(", ")}.\n\n${body}`,
    );
    await applyMigrations(scratch.toString());
    const applied = await withDatabase(scratch.toString(), readDatabaseFunctions);
    for (const fn of pending) await writeFunctionFile(fn, definitionHeader(files.get(fn)!), applied.get(fn)!);
    const after = compareFunctions(await readFunctionFiles(), applied);
    if (after.changed.length || after.missingInDatabase.length) throw new Error(`still differs after migrating: ${JSON.stringify(after)}`);
    console.log(`created prisma/migrations/${folder} (${pending.join(", ")})`);
  } finally {
    await dropDatabase(scratch.toString());
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
