import { expect, test } from "@playwright/test";
import { signInAs, withDb } from "./store-helpers";

// Each of the five stock operations, submitted once from the admin variant
// page, reports success exactly once (no error beside it, so nobody retries
// and receives twice) and writes exactly its ledger movements: one row, two
// for a transfer. On the old embedded engine the form said "failed" after
// the write had committed.

type Movement = { type: string; quantity: number; code: string };

async function movementsSince(variantId: string, afterId: bigint | null): Promise<{ rows: Movement[]; lastId: bigint | null }> {
  return withDb(async (db) => {
    const { rows } = await db.query<Movement & { id: string }>(
      `select m."id"::text as id, m."type"::text as type, m."quantity", w."code" from "InventoryMovement" m
       join "Warehouse" w on w."id" = m."warehouseId"
       where m."variantId" = $1 and ($2::bigint is null or m."id" > $2::bigint) and m."type" not in ('RESERVATION', 'RELEASE')
       order by m."id"`,
      [variantId, afterId === null ? null : afterId.toString()],
    );
    const last = rows.at(-1)?.id;
    return { rows: rows.map(({ type, quantity, code }) => ({ type, quantity, code })), lastId: last ? BigInt(last) : afterId };
  });
}


test("receive, adjust, transfer, return and damage each succeed once with exactly one ledger movement", async ({ page }) => {
  test.setTimeout(90_000);
  // A DENY variant stocked in both warehouses with nothing held, so every operation is allowed.
  const variantId = await withDb(async (db) => {
    const { rows } = await db.query<{ variantId: string }>(
      `select l."variantId" from "StockLevel" l join "ProductVariant" v on v."id" = l."variantId" join "Warehouse" w on w."id" = l."warehouseId"
       where v."inventoryPolicy" = 'DENY' and l."reserved" = 0 and l."onHand" >= 5
       group by l."variantId" having count(*) = 2 and bool_and(l."onHand" >= 5) order by l."variantId" limit 1`,
    );
    return rows[0]!.variantId;
  });
  let { lastId } = await movementsSince(variantId, null);
  await signInAs(page, "admin");
  await page.goto(`/admin/inventory/${variantId}`);
  const errors = page.locator("[data-sonner-toast][data-type=error]");

  const operations: { form: string; fill: Record<string, string>; submit: string; success: string; expect: Movement[] }[] = [
    { form: "Receive purchase order", fill: { "Units received": "10", "PO number": `PO-ONCE-${Date.now()}` }, submit: "Receive", success: "Purchase order received",
      expect: [{ type: "PURCHASE_ORDER", quantity: 10, code: "MAIN" }] },
    { form: "Adjust stock", fill: { "Change (+ or −)": "-1", Reason: "Cycle count" }, submit: "Adjust", success: "Stock adjusted",
      expect: [{ type: "ADJUSTMENT", quantity: -1, code: "MAIN" }] },
    { form: "Transfer stock", fill: { Units: "2" }, submit: "Transfer", success: "Stock transferred",
      expect: [{ type: "TRANSFER", quantity: -2, code: "MAIN" }, { type: "TRANSFER", quantity: 2, code: "EAST" }] },
    { form: "Record return", fill: { "Units returned": "1" }, submit: "Record return", success: "Return recorded",
      expect: [{ type: "RETURN", quantity: 1, code: "MAIN" }] },
    { form: "Record damage", fill: { "Units damaged or lost": "1", "What happened": "Dropped by the forklift" }, submit: "Record damage", success: "Damage recorded",
      expect: [{ type: "DAMAGE", quantity: -1, code: "MAIN" }] },
  ];

  for (const operation of operations) {
    const form = page.getByRole("form", { name: operation.form });
    for (const [label, value] of Object.entries(operation.fill)) await form.getByLabel(label, { exact: true }).fill(value);
    await form.getByRole("button", { name: operation.submit, exact: true }).click();
    await expect(page.getByText(operation.success)).toHaveCount(1);
    await expect(errors, `${operation.form} reported an error`).toHaveCount(0);
    const since = await movementsSince(variantId, lastId);
    expect(since.rows, `${operation.form} movements`).toEqual(operation.expect);
    lastId = since.lastId;
  }

  // The admin's own ledger check agrees.
  const ledger = await page.request.get("/api/admin/ledger");
  expect(ledger.status()).toBe(200);
  expect(await ledger.json()).toMatchObject({ ok: true });
});
