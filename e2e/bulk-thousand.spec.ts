import { expect, test } from "@playwright/test";
import { signInAs, withDb } from "./store-helpers";

// A 1,000-row stock count through the bulk page, as ops would upload it:
// preview, apply, and the store stays up with an exact ledger. (On the old
// embedded engine "Check file" took 30 s and then took the whole store down.)

const VARIANTS = 500; // × 2 warehouses = 1,000 rows, every one a new stock level


test("a 1,000-row upload previews and applies, and the store stays up", async ({ page, request }) => {
  test.setTimeout(120_000);
  const tag = Date.now().toString(36).toUpperCase();
  // Catalogue rows (not stock) for the count: one product with 500 sizes.
  await withDb(async (db) => {
    const { rows } = await db.query<{ id: string }>(
      `insert into "Product" ("slug", "name", "description", "category", "priceCents", "imageUrl", "updatedAt")
       values ($1, $2, 'Bulk count fixture', 'Accessories', 500, '/products/canvas-tote-bag.svg', now()) returning "id"`,
      [`bulk-count-${tag.toLowerCase()}`, `Bulk count ${tag}`],
    );
    await db.query(
      `insert into "ProductVariant" ("productId", "sku", "title", "position")
       select $1, $2 || '-' || lpad(n::text, 3, '0'), 'Size ' || n, n from generate_series(1, $3::int) n`,
      [rows[0]!.id, `BULK-${tag}`, VARIANTS],
    );
  });
  const lines = ["sku,warehouse,quantity,mode"];
  for (let n = 1; n <= VARIANTS; n++) {
    for (const code of ["MAIN", "EAST"]) lines.push(`BULK-${tag}-${String(n).padStart(3, "0")},${code},${(n % 17) + 1},set`);
  }
  expect(lines).toHaveLength(1_001);

  await signInAs(page, "ops");
  await page.goto("/admin/bulk");
  await page.getByLabel("CSV file").setInputFiles({ name: "count.csv", mimeType: "text/csv", buffer: Buffer.from(`${lines.join("\n")}\n`) });
  await page.getByRole("button", { name: "Check file" }).click();
  const apply = page.getByRole("button", { name: "Apply 1000 changes" });
  await expect(apply).toBeVisible({ timeout: 30_000 });
  await page.getByLabel("Reference").fill(`COUNT-${tag}`);
  await apply.click();
  await expect(page.getByRole("status").filter({ hasText: `Applied “COUNT-${tag}”: 1000 stock levels changed` })).toBeVisible({ timeout: 30_000 });

  const written = await withDb(async (db) => {
    const { rows } = await db.query<{ levels: number; units: number; movements: number }>(
      `select count(*)::int as levels, sum(l."onHand")::int as units,
         (select count(*)::int from "InventoryMovement" m join "ProductVariant" v2 on v2."id" = m."variantId" where v2."sku" like $1) as movements
       from "StockLevel" l join "ProductVariant" v on v."id" = l."variantId" where v."sku" like $1`,
      [`BULK-${tag}-%`],
    );
    return rows[0]!;
  });
  const expectedUnits = lines.slice(1).reduce((sum, line) => sum + Number(line.split(",")[2]), 0);
  expect(written).toEqual({ levels: 1_000, units: expectedUnits, movements: 1_000 });

  // The store and its health stay up, and the ledger is exact.
  expect((await request.get("/")).status()).toBe(200);
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: "ok", database: { ok: true } });
  const ledger = await withDb((db) => db.query<{ bad: number }>(
    `select count(*)::int as bad from "StockLevel" l where l."onHand" <> coalesce((select sum(m."quantity") from "InventoryMovement" m
       where m."variantId" = l."variantId" and m."warehouseId" = l."warehouseId"), 0)`,
  ));
  expect(ledger.rows[0]!.bad).toBe(0);
});
