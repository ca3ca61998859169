import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Client } from "pg";
import { compareFunctions, dropIfSignatureChanges, readDatabaseFunctions, readFunctionFiles } from "@/lib/db/functions";
import { env } from "@/lib/env";

// The worker's database was migrated from prisma/migrations by the global
// setup: its stockroom_* functions must be exactly prisma/functions/*.sql, one
// file per function and one function per file (npm run db:functions writes
// the migration that makes it so).
const client = new Client({ connectionString: env.DATABASE_URL });
beforeAll(() => client.connect());
afterAll(() => client.end());

describe("SQL functions: prisma/functions is what the migrations produce", () => {
  it("matches pg_get_functiondef of every stockroom_* function, with no function or file left over", async () => {
    const files = await readFunctionFiles();
    const database = await readDatabaseFunctions(client);
    expect(files.size).toBeGreaterThan(0);
    expect(compareFunctions(files, database)).toEqual({ changed: [], missingInDatabase: [], missingFile: [] });
  });
});

describe("stockroom_free: the per-level arithmetic behind stockroom_level_stock", () => {
  it.each([
    [{ onHand: 10, reserved: 3, safety: 2, backordered: 0 }, 5],
    [{ onHand: 1, reserved: 0, safety: 2, backordered: 0 }, 0], // safety stock alone never goes negative
    [{ onHand: 0, reserved: 2, safety: 0, backordered: 0 }, -2], // backorder promises do
    [{ onHand: 5, reserved: 0, safety: 1, backordered: 2 }, 2],
  ])("%j → %i", async (level, expected) => {
    const { rows } = await client.query<{ free: number }>(`select stockroom_free($1, $2, $3, $4) as free`, [level.onHand, level.safety, level.reserved, level.backordered]);
    expect(rows[0]?.free).toBe(expected);
  });
});

describe("db:functions: a changed signature is dropped first", () => {
  const parked = (result: string) => `CREATE OR REPLACE FUNCTION public.stockroom_parked(p_variant uuid, p_warehouse uuid)
 RETURNS ${result} LANGUAGE sql STABLE AS $function$ SELECT 0::${result} $function$`;

  it("needs no DROP when arguments and result stay, and drops the old signature when the result changes (trying it leaves the database as it was)", async () => {
    const before = await readDatabaseFunctions(client);
    expect(await dropIfSignatureChanges(client, "stockroom_parked", parked("integer"))).toBeNull();
    expect(await dropIfSignatureChanges(client, "stockroom_parked", parked("bigint"))).toBe(
      "DROP FUNCTION IF EXISTS public.stockroom_parked(p_variant uuid, p_warehouse uuid);\n",
    );
    expect(await dropIfSignatureChanges(client, "stockroom_not_there_yet", parked("integer"))).toBeNull();
    expect(await readDatabaseFunctions(client)).toEqual(before);
  });
});
