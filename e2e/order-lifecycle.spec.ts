import { randomBytes } from "node:crypto";
import path from "node:path";
import { expect as baseExpect, test, type Browser, type Page } from "@playwright/test";
import { fillCheckoutAndPlaceOrder, signInAs, withDb } from "./store-helpers";

// The order lifecycle end to end, on a product of its own (created here, so
// the figures are exact whatever other specs did to the seeded stock):
// shopper A orders 2 → admin ships 1 → A cancels the rest → shopper B's
// backorder is covered by the released unit → A's shipped unit comes back and
// is restocked. Every step is checked in the UI, in the stock figures and in
// the ledger (each stock column = the sum of its movements).

const shots = path.join(__dirname, "artifacts", "screenshots");
// A checkout and an admin action each re-render a page after a transaction; on
// the shared 2-core test machine under load that took over 10 s once.
const expect = baseExpect.configure({ timeout: 30_000 });

type Fixture = { slug: string; sku: string; variantId: string; warehouseCode: string };

async function createBackorderProduct(): Promise<Fixture> {
  const tag = randomBytes(4).toString("hex");
  return withDb(async (db) => {
    const { rows: [warehouse] } = await db.query<{ id: string; code: string }>(`select "id", "code" from "Warehouse" order by "priority", "code" limit 1`);
    const { rows: [product] } = await db.query<{ id: string }>(
      `insert into "Product" ("slug", "name", "description", "category", "priceCents", "imageUrl", "updatedAt")
       values ($1, $2, 'Made for the order lifecycle test.', 'Test', 3000, '/products/placeholder.svg', now()) returning "id"`,
      [`lifecycle-mug-${tag}`, `Lifecycle Mug ${tag}`],
    );
    const sku = `E2E-MUG-${tag}`.toUpperCase();
    const { rows: [variant] } = await db.query<{ id: string }>(
      `insert into "ProductVariant" ("productId", "sku", "title", "inventoryPolicy", "backorderLimit") values ($1, $2, 'Default', 'BACKORDER', 5) returning "id"`,
      [product!.id, sku],
    );
    // An empty stock level: no units, no movements (the ledger holds). Stock arrives through the admin's Receive form.
    await db.query(`insert into "StockLevel" ("variantId", "warehouseId") values ($1, $2)`, [variant!.id, warehouse!.id]);
    return { slug: `lifecycle-mug-${tag}`, sku, variantId: variant!.id, warehouseCode: warehouse!.code };
  });
}

type Level = { onHand: number; committed: number; backordered: number; unavailable: number; reserved: number };

/** The level's stock columns, and whether each equals the sum of its ledger column. */
async function levelAndLedger(variantId: string): Promise<{ level: Level; ledgerExact: boolean }> {
  return withDb(async (db) => {
    const { rows: [row] } = await db.query<Level & { exact: boolean }>(
      `select l."onHand", l."committed", l."backordered", l."unavailable", l."reserved",
         (l."onHand" = coalesce(sum(m."quantity"), 0) and l."committed" = coalesce(sum(m."committedDelta"), 0)
           and l."backordered" = coalesce(sum(m."backorderedDelta"), 0) and l."unavailable" = coalesce(sum(m."unavailableDelta"), 0)
           and l."reserved" = coalesce(sum(m."reservedDelta"), 0)) as exact
       from "StockLevel" l left join "InventoryMovement" m on m."variantId" = l."variantId" and m."warehouseId" = l."warehouseId"
       where l."variantId" = $1 group by l."id"`,
      [variantId],
    );
    const { exact, ...level } = row!;
    return { level, ledgerExact: exact };
  });
}

async function available(page: Page, fixture: Fixture): Promise<number> {
  const { rows: [p] } = await withDb((db) => db.query<{ productId: string }>(`select "productId" from "ProductVariant" where "id" = $1`, [fixture.variantId]));
  const response = await page.request.get(`/api/inventory/stock?productId=${p!.productId}`);
  const { variants } = (await response.json()) as { variants: { variantId: string; available: number }[] };
  return variants.find((v) => v.variantId === fixture.variantId)!.available;
}

/** A shopper in their own browser context orders `quantity` units; returns the page (on the order page) and the order number. */
async function order(browser: Browser, fixture: Fixture, quantity: number, email: string): Promise<{ page: Page; number: string; url: string }> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`/products/${fixture.slug}?variant=${fixture.variantId}`);
  await expect(page.getByTestId("live-state")).toHaveAttribute("data-state", "live");
  await page.getByLabel("Quantity").fill(String(quantity));
  await page.getByTestId("add-to-cart").click();
  await expect(page.getByTestId("cart-count")).toHaveText(String(quantity));
  await page.goto("/checkout");
  await fillCheckoutAndPlaceOrder(page, { email, name: "Pat Shopper" });
  await expect(page.getByTestId("order-number")).toHaveText(/^SR-\d+$/);
  return { page, number: await page.getByTestId("order-number").innerText(), url: page.url() };
}

const lineStatus = (page: Page) => page.getByTestId("order-line").getByTestId("line-status");

async function openAdminOrder(admin: Page, number: string) {
  await admin.goto(`/admin/orders?q=${encodeURIComponent(number)}`);
  const rows = admin.getByTestId("orders-table").locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await rows.getByRole("link", { name: number }).click();
  await expect(admin.getByTestId("order-number")).toHaveText(number);
}

test("order → ship part → shopper cancels the rest → another shopper's backorder is covered → return restocked", async ({ browser, page: admin }) => {
  test.setTimeout(300_000);
  const fixture = await createBackorderProduct();

  // Stock arrives: 2 units, received on the variant page.
  await signInAs(admin, "ops");
  await admin.goto(`/admin/inventory/${fixture.variantId}`);
  const receive = admin.getByRole("form", { name: "Receive purchase order" });
  await receive.getByLabel("Units received").fill("2");
  await receive.getByLabel("PO number").fill(`PO-${fixture.sku}`);
  await receive.getByRole("button", { name: "Receive" }).click();
  await expect(admin.getByText("Purchase order received")).toBeVisible();
  await expect.poll(() => available(admin, fixture)).toBe(2);

  // Shopper A orders both units; shopper B's unit is a backorder.
  const a = await order(browser, fixture, 2, "pat.a@example.com");
  await expect(lineStatus(a.page)).toHaveText(["2 preparing to ship"]);
  const b = await order(browser, fixture, 1, "pat.b@example.com");
  await expect(lineStatus(b.page)).toHaveText(["1 backordered: ships when restocked"]);
  expect((await levelAndLedger(fixture.variantId)).level).toMatchObject({ onHand: 2, committed: 3, backordered: 1, unavailable: 0, reserved: 0 });

  // The admin ships one of A's two units, with a tracking number.
  await openAdminOrder(admin, a.number);
  const fulfil = admin.getByRole("form", { name: "Fulfil order" });
  await fulfil.getByLabel("Chosen lines and quantities").check();
  await fulfil.getByLabel(new RegExp(`^${fixture.sku} @ ${fixture.warehouseCode}`)).fill("1");
  await fulfil.getByLabel("Tracking number (optional)").fill("1Z-E2E-1");
  await fulfil.getByRole("button", { name: "Fulfil" }).click();
  await expect(admin.getByTestId("order-status")).toHaveAttribute("data-status", "PARTIALLY_FULFILLED");
  const adminLine = admin.getByTestId("order-lines").getByTestId("order-line");
  await expect(adminLine.locator("[data-state]")).toHaveText(["1 committed", "1 fulfilled"]);
  await expect(admin.getByTestId("tracking-number")).toHaveText("1Z-E2E-1");
  expect((await levelAndLedger(fixture.variantId)).level).toMatchObject({ onHand: 1, committed: 2, backordered: 1 });

  // Shopper A sees the shipment and cancels what has not shipped.
  await a.page.goto("/orders");
  await expect(a.page.getByTestId("my-order").first()).toHaveAttribute("data-order", a.number);
  await a.page.goto(a.url);
  await expect(lineStatus(a.page)).toHaveText(["1 shipped", "1 preparing to ship"]);
  await a.page.getByRole("button", { name: "Cancel what has not shipped" }).click();
  await a.page.getByRole("alertdialog").getByRole("button", { name: "Cancel what has not shipped" }).click();
  await expect(lineStatus(a.page)).toHaveText(["1 shipped", "1 cancelled"]);
  await expect(a.page.getByRole("button", { name: "Cancel what has not shipped" })).toHaveCount(0);

  // The released unit covered B's backorder (nothing became free for others).
  await b.page.reload();
  await expect(lineStatus(b.page)).toHaveText(["1 preparing to ship"]);
  expect((await levelAndLedger(fixture.variantId)).level).toMatchObject({ onHand: 1, committed: 1, backordered: 0, unavailable: 0 });
  expect(await available(admin, fixture)).toBe(0);
  await openAdminOrder(admin, b.number);
  await expect(admin.getByTestId("timeline-entry").filter({ hasText: "Backorder covered by stock" })).toHaveCount(1);

  // A's shipped unit comes back: received as unavailable, then restocked.
  await openAdminOrder(admin, a.number);
  const ret = admin.getByRole("form", { name: "Receive return" });
  await ret.getByLabel(new RegExp(`^${fixture.sku} @ ${fixture.warehouseCode}`)).fill("1");
  await ret.getByLabel("Refund (USD)").fill("30.00");
  await ret.getByRole("button", { name: "Receive return" }).click();
  await expect(adminLine.locator("[data-state]")).toHaveText(["1 fulfilled", "1 cancelled", "1 returned", "1 awaiting inspection"]);
  expect((await levelAndLedger(fixture.variantId)).level).toMatchObject({ onHand: 2, committed: 1, unavailable: 1 });
  expect(await available(admin, fixture)).toBe(0);

  const restock = admin.getByRole("form", { name: "Restock returned units" });
  await restock.getByLabel(new RegExp(`^${fixture.sku} @ ${fixture.warehouseCode}`)).fill("1");
  await restock.getByRole("button", { name: "Restock" }).click();
  await expect(adminLine.locator("[data-state]")).toHaveText(["1 fulfilled", "1 cancelled", "1 returned", "1 restocked"]);
  await expect(admin.getByTestId("refund")).toHaveText("$30.00");
  await expect(admin.getByTestId("timeline-entry")).toHaveText([/Order placed/, /Fulfilled/, /Cancelled/, /Return received/, /restocked/]);
  await admin.screenshot({ path: path.join(shots, "admin-order.png"), fullPage: true });

  // Final figures: 2 on hand (1 promised to B, 1 sellable), nothing unavailable; every column equals its ledger sum.
  const final = await levelAndLedger(fixture.variantId);
  expect(final).toEqual({ level: { onHand: 2, committed: 1, backordered: 0, unavailable: 0, reserved: 0 }, ledgerExact: true });
  expect(await available(admin, fixture)).toBe(1);
  await admin.goto(`/admin/inventory/${fixture.variantId}`);
  const level = admin.getByTestId("levels-table").locator(`tr[data-warehouse="${fixture.warehouseCode}"]`);
  await expect(level.locator('[data-column="committed"]')).toHaveText("1");
  await expect(level.locator('[data-column="unavailable"]')).toHaveText("0");
  await expect(level.locator('[data-column="available"]')).toHaveText("1");

  // Another browser finds A's order by number + email; a wrong email gets the same answer as an unknown number.
  const stranger = await (await browser.newContext()).newPage();
  expect((await stranger.goto(a.url))?.status()).toBe(404);
  await stranger.goto("/orders/lookup");
  await stranger.getByLabel("Order number").fill(a.number);
  await stranger.getByLabel("Email").fill("someone.else@example.com");
  await stranger.getByRole("button", { name: "Find my order" }).click();
  await expect(stranger.getByRole("form", { name: "Find an order" }).getByRole("alert")).toContainText("could not find an order with that number and email");
  await stranger.getByLabel("Email").fill("PAT.A@example.com");
  await stranger.getByRole("button", { name: "Find my order" }).click();
  await expect(stranger.getByTestId("order-number")).toHaveText(a.number);
  await expect(lineStatus(stranger)).toHaveText(["1 cancelled", "1 returned"]);
});
