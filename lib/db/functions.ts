import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Client } from "pg";
import { MIGRATIONS_DIR } from "./schema-engine";

// SQL functions (stockroom_*) have one current definition each, in
// prisma/functions/<name>.sql: leading `--` comment lines (why the function
// exists), then the definition exactly as PostgreSQL prints it
// (pg_get_functiondef), so a file can be compared with a database without
// parsing SQL. Migrations carry generated copies (scripts/db-functions.ts).

export const FUNCTIONS_DIR = path.join(MIGRATIONS_DIR, "..", "functions");
const PREFIX = "stockroom_";

/** The definition without its comment header, trailing blanks and line-end whitespace. */
export function normaliseDefinition(sql: string): string {
  const lines = sql.replace(/\r\n/g, "\n").split("\n").map((line) => line.trimEnd());
  const start = lines.findIndex((line) => line !== "" && !line.startsWith("--"));
  return lines.slice(start < 0 ? lines.length : start).join("\n").trim();
}

/** The comment header of a function file (kept when the file is rewritten in canonical form). */
export function definitionHeader(sql: string): string {
  const lines = sql.replace(/\r\n/g, "\n").split("\n");
  const start = lines.findIndex((line) => line.trim() !== "" && !line.startsWith("--"));
  return lines.slice(0, start < 0 ? lines.length : start).join("\n").trim();
}

export async function readFunctionFiles(): Promise<Map<string, string>> {
  const names = (await readdir(FUNCTIONS_DIR).catch(() => [] as string[])).filter((n) => n.startsWith(PREFIX) && n.endsWith(".sql")).sort();
  const files = new Map<string, string>();
  for (const name of names) files.set(name.slice(0, -4), await readFile(path.join(FUNCTIONS_DIR, name), "utf8"));
  return files;
}

export async function writeFunctionFile(name: string, header: string, definition: string): Promise<void> {
  const text = `${header ? `${header}\n` : ""}${normaliseDefinition(definition)}\n`;
  await writeFile(path.join(FUNCTIONS_DIR, `${name}.sql`), text);
}

/** Every stockroom_* function of the database's public schema, by name (overloads are not used). */
export async function readDatabaseFunctions(client: Client): Promise<Map<string, string>> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `select p.proname as name, pg_get_functiondef(p.oid) as definition
     from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where n.nspname = 'public' and p.proname like 'stockroom\\_%' order by 1, p.oid`,
  );
  const functions = new Map<string, string>();
  for (const row of rows) {
    if (functions.has(row.name)) throw new Error(`${row.name} is overloaded; one definition per name is the rule`);
    functions.set(row.name, row.definition);
  }
  return functions;
}

export type FunctionDrift = { changed: string[]; missingInDatabase: string[]; missingFile: string[] };

/** How the files differ from a database's functions (normalised text, names sorted). */
export function compareFunctions(files: Map<string, string>, database: Map<string, string>): FunctionDrift {
  const changed: string[] = [];
  const missingInDatabase: string[] = [];
  for (const [name, text] of files) {
    const current = database.get(name);
    if (current === undefined) missingInDatabase.push(name);
    else if (normaliseDefinition(current) !== normaliseDefinition(text)) changed.push(name);
  }
  const missingFile = [...database.keys()].filter((name) => !files.has(name));
  return { changed, missingInDatabase, missingFile };
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

/**
 * The DROP a changed function needs before its CREATE OR REPLACE (arguments or
 * result changed), found by trying the file in a transaction that is rolled back.
 */
export async function dropIfSignatureChanges(client: Client, fn: string, sql: string): Promise<string | null> {
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
