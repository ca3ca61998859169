// npm run db:migrate | db:migrate:create -- <name> | db:reset
import { applyMigrations, createMigration, ensureDatabase, resetDatabase } from "../lib/db/migrate";

const [command, name] = process.argv.slice(2);
const databaseUrl = process.env.DATABASE_URL;

async function main() {
  if (!databaseUrl) throw new Error("DATABASE_URL is not set (npm start runs migrations itself on the embedded database)");
  const where = new URL(databaseUrl);
  const label = `${where.hostname}:${where.port || 5432}${where.pathname}`;
  if (await ensureDatabase(databaseUrl)) console.log(`created database ${label}`);
  if (command === "deploy") {
    const applied = await applyMigrations(databaseUrl);
    console.log(applied.length ? `applied ${applied.length} migration(s) to ${label}: ${applied.join(", ")}` : `${label} is up to date; no migrations applied`);
  } else if (command === "create") {
    if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error("usage: npm run db:migrate:create -- <snake_case_name>");
    const created = await createMigration(databaseUrl, name);
    console.log(created ? `created prisma/migrations/${created}` : "schema.prisma matches the migrations; nothing to create");
  } else if (command === "reset") {
    await resetDatabase(databaseUrl);
    const applied = await applyMigrations(databaseUrl);
    console.log(`reset ${label} and applied ${applied.length} migration(s)`);
  } else {
    throw new Error(`unknown command ${command ?? "(none)"}; use deploy, create or reset`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
