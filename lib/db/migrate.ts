import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { Client } from "pg";
import { MIGRATIONS_DIR, NO_FILTER, SCHEMA_PATH, openSchemaEngine, readMigrationList } from "./schema-engine";

const SNAPSHOT_PATH = path.join(MIGRATIONS_DIR, "datamodel.snapshot.prisma");

type Log = (line: string) => void;

// Runs `work` on the server's maintenance database with the target database's name.
async function withMaintenanceClient<T>(databaseUrl: string, work: (client: Client, name: string) => Promise<T>): Promise<T> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = "/postgres";
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await work(client, name);
  } finally {
    await client.end();
  }
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Creates the database named in the URL when it does not exist yet. */
export async function ensureDatabase(databaseUrl: string): Promise<boolean> {
  return withMaintenanceClient(databaseUrl, async (client, name) => {
    const found = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (found.rowCount) return false;
    await client.query(`create database ${quoteIdent(name)}`);
    return true;
  });
}

/** Drops the database named in the URL, ending its open sessions (tests and benches only). */
export async function dropDatabase(databaseUrl: string): Promise<void> {
  await withMaintenanceClient(databaseUrl, (client, name) => client.query(`drop database if exists ${quoteIdent(name)} with (force)`));
}

/** Applies pending migrations; idempotent. Returns the names it applied. */
export async function applyMigrations(databaseUrl: string, log: Log = () => {}): Promise<string[]> {
  const { engine, close } = await openSchemaEngine(databaseUrl, log);
  try {
    const migrationsList = await readMigrationList();
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
    return appliedMigrationNames;
  } finally {
    await close();
  }
}

/**
 * `applyMigrations`, but first asks the database whether anything is pending:
 * when every migration folder is recorded as applied with the same checksum
 * (sha256 of its file, as Prisma records it), loading the wasm engine (~1-2 s)
 * is skipped. Anything else, including an edited migration, goes through the
 * engine, which applies or reports it as usual. Used on every `npm start`.
 */
export async function applyPendingMigrations(databaseUrl: string, log: Log = () => {}): Promise<string[]> {
  if (await allApplied(databaseUrl)) return [];
  return applyMigrations(databaseUrl, log);
}

async function allApplied(databaseUrl: string): Promise<boolean> {
  const { migrationDirectories } = await readMigrationList();
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const table = await client.query("select to_regclass('_prisma_migrations') is not null as present");
    if (!table.rows[0]?.present) return false;
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      "select migration_name, checksum from _prisma_migrations where finished_at is not null and rolled_back_at is null",
    );
    const recorded = new Map(rows.map((r) => [r.migration_name, r.checksum]));
    return migrationDirectories.every(({ path: name, migrationFile }) =>
      migrationFile.content.tag === "ok" && recorded.get(name) === createHash("sha256").update(migrationFile.content.value).digest("hex"));
  } finally {
    await client.end();
  }
}

/** Drops every object in the database's schema (development and tests only). */
export async function resetDatabase(databaseUrl: string, log: Log = () => {}): Promise<void> {
  const { engine, close } = await openSchemaEngine(databaseUrl, log);
  try {
    await engine.reset({ filter: NO_FILTER });
  } finally {
    await close();
  }
}

/**
 * Writes a new migration folder with the SQL that takes the previous datamodel
 * snapshot to the current schema.prisma, then updates the snapshot. The wasm
 * engine cannot open a shadow database through the adapter, so the history's
 * datamodel is kept beside the migrations instead of being replayed.
 * Hand-written SQL in migrations (checks, functions) is outside the datamodel
 * and therefore never appears in these diffs.
 */
export async function createMigration(databaseUrl: string, name: string, log: Log = () => {}): Promise<string | null> {
  const { engine, schema, close } = await openSchemaEngine(databaseUrl, log);
  try {
    const previous = await readFile(SNAPSHOT_PATH, "utf8").catch(() => null);
    const diff = await engine.diff({
      from: previous === null ? { tag: "empty" } : { tag: "schemaDatamodel", files: [{ path: SNAPSHOT_PATH, content: previous }] },
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: schema }] },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    const stdout = diff.stdout ?? "";
    if (!stdout.trim() || stdout.includes("This is an empty migration")) return null;
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const folderName = `${stamp}_${name}`;
    await mkdir(path.join(MIGRATIONS_DIR, folderName), { recursive: true });
    await writeFile(path.join(MIGRATIONS_DIR, folderName, "migration.sql"), stdout);
    await writeFile(SNAPSHOT_PATH, schema);
    return folderName;
  } finally {
    await close();
  }
}
