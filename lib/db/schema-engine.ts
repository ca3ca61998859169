// Prisma's WebAssembly schema engine, driven through @prisma/adapter-pg, so that
// migrations apply and are created without downloading the native engine binary.
// Same migration folders and `_prisma_migrations` bookkeeping as `prisma migrate`.
import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { Pool } from "pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type {
  MigrationList,
  SchemaEngine,
  SchemaFilter,
} from "@prisma/schema-engine-wasm";

export const PRISMA_DIR = path.resolve(process.cwd(), "prisma");
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, "migrations");
export const SCHEMA_PATH = path.join(PRISMA_DIR, "schema.prisma");
export const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

type EngineModule = typeof import("@prisma/schema-engine-wasm") & {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
};

let enginePackage: Promise<EngineModule> | undefined;

// Node 20 cannot `import` a .wasm file, so instantiate it by hand with the
// bindings module as its import object (what the package's entry point does).
function loadEnginePackage(): Promise<EngineModule> {
  enginePackage ??= (async () => {
    const require = createRequire(__filename);
    const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
    const bindings = (await import(path.join(dir, "schema_engine_bg.js"))) as EngineModule;
    const bytes = await readFile(path.join(dir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bindings as never });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings;
  })();
  return enginePackage;
}

/**
 * adapter-pg runs a migration script by splitting it on ";", which breaks
 * function bodies ($$ ... $$). Sending the script as one simple query lets
 * PostgreSQL parse it, and runs it as one implicit transaction.
 */
class WholeScriptPrismaPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    adapter.executeScript = async (script: string) => {
      await adapter.underlyingDriver().query(script);
    };
    return adapter;
  }
}

export async function openSchemaEngine(databaseUrl: string, log: (line: string) => void = () => {}) {
  const { SchemaEngine } = await loadEnginePackage();
  const schema = await readFile(SCHEMA_PATH, "utf8");
  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  const adapterFactory = bindMigrationAwareSqlAdapterFactory(new WholeScriptPrismaPg(pool));
  const engine: SchemaEngine = await SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, schema]] },
    (message: string) => log(message),
    adapterFactory,
  );
  const close = async () => {
    engine.free();
    await pool.end();
  };
  return { engine, schema, close };
}

export async function readMigrationList(): Promise<MigrationList> {
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true });
  const dirs = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const migrationDirectories = await Promise.all(
    dirs.map(async (name) => {
      const file = path.join(MIGRATIONS_DIR, name, "migration.sql");
      const content = await readFile(file, "utf8").then(
        (value) => ({ tag: "ok" as const, value }),
        (error: Error) => ({ tag: "error" as const, value: error.message }),
      );
      return { path: name, migrationFile: { path: "migration.sql", content } };
    }),
  );
  const lockPath = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  const lockContent = await readFile(lockPath, "utf8").catch(() => null);
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: "migration_lock.toml", content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories,
  } as MigrationList;
}
