import { expect, test, type Locator, type Page } from "@playwright/test";
import { findVariant, signInAs, withDb } from "./store-helpers";

// Defects a new shopper met (issue 18), each checked in the browser: colour
// images, toasts clear of the header, one toast per flow, phone layout of cart
// and checkout, "Default" never shown, pre-orders not "in stock".

type Stock = { variantId: string; available: number; orderable: number; policy: string };

async function stockOf(page: Page, productId: string): Promise<Stock[]> {
  const response = await page.request.get(`/api/inventory/stock?productId=${productId}`);
  return ((await response.json()) as { variants: Stock[] }).variants;
}

/** A variant of the tee in `colour` with at least one unit free. */
async function teeIn(page: Page, colour: "WHT" | "BLK" | "OLV") {
  const rows = await withDb(async (db) => (await db.query<{ id: string; productId: string }>(
    `select v."id", v."productId" from "ProductVariant" v where v."sku" like $1 order by v."sku"`, [`TEE-ORG-${colour}-%`])).rows);
  const stock = await stockOf(page, rows[0]!.productId);
  const pick = rows.find((r) => (stock.find((s) => s.variantId === r.id)?.available ?? 0) >= 2);
  if (!pick) throw new Error(`no ${colour} tee in stock`);
  return pick.id;
}

async function openProduct(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByTestId("live-state")).toHaveAttribute("data-state", "live");
}

async function boxesOverlap(a: Locator, b: Locator): Promise<boolean> {
  const [x, y] = [await a.boundingBox(), await b.boundingBox()];
  if (!x || !y) throw new Error("not visible");
  return x.x < y.x + y.width && y.x < x.x + x.width && x.y < y.y + y.height && y.y < x.y + x.height;
}

async function fillCheckout(page: Page, card: string) {
  await page.getByLabel("Email").fill("shopper@example.com");
  await page.getByLabel("Full name").fill("Sam Shopper");
  await page.getByLabel("Address", { exact: true }).fill("1 Main Street");
  await page.getByLabel("City").fill("Springfield");
  await page.getByLabel("Postal code").fill("12345");
  await page.getByLabel("Card number").fill(card);
  await page.getByLabel("Expiry (MM/YY)").fill("12/39");
  await page.getByLabel("CVC").fill("123");
}

for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
  test(`the product image follows the chosen colour, on the page and as the cart thumbnail; the toast stays clear of the Cart link (${viewport.width}px)`, async ({ browser }) => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const white = await teeIn(page, "WHT");
    await openProduct(page, `/products/organic-cotton-tee?variant=${white}`);
    const image = page.getByTestId("product-image");
    await expect(image).toHaveAttribute("src", "/products/organic-cotton-tee/white.svg");
    await page.getByTestId("option-color-Olive").click();
    await expect(image).toHaveAttribute("src", "/products/organic-cotton-tee/olive.svg");
    await page.getByTestId("option-color-Black").click();
    await expect(image).toHaveAttribute("src", "/products/organic-cotton-tee/black.svg");
    await page.getByTestId("option-color-White").click();
    await expect(image).toHaveAttribute("src", "/products/organic-cotton-tee/white.svg");
    // The size radios keep the selection valid; make sure the chosen white variant is orderable.
    await openProduct(page, `/products/organic-cotton-tee?variant=${white}`);

    await page.getByTestId("add-to-cart").click();
    const toast = page.locator("[data-sonner-toast]").filter({ hasText: "Added to cart" });
    await expect(toast).toBeVisible();
    await expect(page.getByTestId("cart-count")).toHaveText("1");
    expect(await boxesOverlap(toast, page.getByTestId("cart-link"))).toBe(false);
    expect(await boxesOverlap(toast, page.locator("header"))).toBe(false);
    // Adding again replaces the toast: one at a time for the flow.
    await page.getByTestId("add-to-cart").click();
    await expect(page.getByTestId("cart-count")).toHaveText("2");
    await expect(page.locator("[data-sonner-toast]")).toHaveCount(1);

    await page.goto("/cart");
    await expect(page.getByTestId("line-image")).toHaveAttribute("src", "/products/organic-cotton-tee/white.svg");
    await context.close();
  });
}

test("a product without options is named by the product alone: toast, cart, checkout and order; one toast at a time through checkout", async ({ browser, request }) => {
  const pick = await findVariant(request, (v) => v.policy === "DENY" && v.available >= 3, ["canvas-tote-bag", "roll-top-backpack", "everyday-crossbody", "weekender-duffel", "six-panel-cap"]);
  const context = await browser.newContext();
  const page = await context.newPage();
  await openProduct(page, `/products/${pick.slug}`);
  await page.getByTestId("add-to-cart").click();
  const toast = page.locator("[data-sonner-toast]").filter({ hasText: "Added to cart" });
  await expect(toast).toBeVisible();
  await expect(toast).not.toContainText("Default");

  await page.goto("/cart");
  await expect(page.getByTestId("cart-line")).toHaveCount(1);
  await expect(page.getByTestId("cart-line")).not.toContainText("Default");

  await page.getByTestId("checkout-link").click();
  await expect(page.getByTestId("order-summary")).toBeVisible();
  await expect(page.getByTestId("order-summary")).not.toContainText("Default");
  // A declined card: an error toast. Then a good card: the success replaces it, it does not land on it.
  await fillCheckout(page, "4000 0000 0000 0002");
  await page.getByTestId("place-order").click();
  await expect(page.locator("#cardNumber-error")).toHaveText("Card declined");
  await expect(page.locator("[data-sonner-toast]")).toHaveCount(1);
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByLabel("Expiry (MM/YY)").fill("12/39");
  await page.getByLabel("CVC").fill("123");
  // The error toast never covers the button.
  expect(await boxesOverlap(page.locator("[data-sonner-toast]"), page.getByTestId("place-order"))).toBe(false);
  await page.getByTestId("place-order").click();
  await expect(page.getByTestId("order-confirmation")).toBeVisible();
  await expect(page.locator("[data-sonner-toast]").filter({ hasText: "Order placed" })).toBeVisible();
  await expect(page.locator("[data-sonner-toast]")).toHaveCount(1);
  await expect(page.getByTestId("order-line")).not.toContainText("Default");
  await context.close();
});

test("on a phone the cart line total stays inside its card and checkout opens with a collapsible summary above Place order", async ({ browser, request }) => {
  const pick = await findVariant(request, (v) => v.policy === "DENY" && v.available >= 3, ["weekender-duffel", "quilted-liner-jacket", "packable-rain-shell"]);
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
  const page = await phone.newPage();
  await openProduct(page, `/products/${pick.slug}?variant=${pick.variantId}`);
  await page.getByLabel("Quantity").fill("3");
  await page.getByTestId("add-to-cart").click();
  await expect(page.getByTestId("cart-count")).toHaveText("3");

  await page.goto("/cart");
  const line = page.getByTestId("cart-line");
  const [card, total] = [await page.locator("main ul").first().boundingBox(), await line.getByTestId("line-total").boundingBox()];
  expect(card && total).toBeTruthy();
  expect(total!.x + total!.width).toBeLessThanOrEqual(card!.x + card!.width);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await page.getByTestId("checkout-link").click();
  const summary = page.getByTestId("order-summary-collapsible");
  await expect(summary).toBeVisible();
  await expect(page.getByTestId("order-summary")).toBeHidden();
  const [summaryBox, placeBox] = [await summary.boundingBox(), await page.getByTestId("place-order").boundingBox()];
  expect(summaryBox!.y + summaryBox!.height).toBeLessThan(placeBox!.y);
  await expect(summary.getByTestId("summary-line")).toBeHidden();
  await summary.getByText("Show order summary").click();
  await expect(summary.getByTestId("summary-line")).toBeVisible();
  await expect(summary).toContainText(/Subtotal/);
  await phone.close();
});

test("'In stock only' leaves out the pre-order planner, which the catalogue labels 'Pre-order'", async ({ page }) => {
  await page.goto("/?q=planner");
  const card = page.getByTestId("product-card").filter({ hasText: "Weekly Planner 2027" });
  await expect(card).toBeVisible();
  await expect(card.getByTestId("card-status")).toHaveText("Pre-order");
  // The name is printed once on the card (as text below the image, not in it).
  await expect(card.getByText("Weekly Planner 2027")).toHaveCount(1);
  await page.goto("/?q=planner&inStock=1");
  await expect(page.getByTestId("product-card")).toHaveCount(0);
  await expect(page.getByTestId("catalogue-size")).toHaveText("0 products");
});

test("a sold-out variant's waitlist form makes no cart-hold promise", async ({ page, request }) => {
  const pick = await findVariant(request, (v) => v.policy === "DENY" && v.orderable === 0);
  await openProduct(page, `/products/${pick.slug}?variant=${pick.variantId}`);
  await expect(page.getByTestId("add-to-cart")).toHaveText("Sold out");
  await expect(page.getByLabel(/email me when it's back/i)).toBeVisible();
  await expect(page.getByText(/Adding to cart holds/)).toHaveCount(0);
});

test("bulk: checking a file already applied under the typed reference warns at preview, and Apply is visibly disabled", async ({ page }) => {
  const level = await withDb(async (db) => (await db.query<{ sku: string; code: string }>(`select v."sku", w."code" from "StockLevel" l
    join "ProductVariant" v on v."id" = l."variantId" join "Warehouse" w on w."id" = l."warehouseId"
    where v."inventoryPolicy" = 'DENY' and l."onHand" between 3 and 500 order by v."sku" desc limit 1`)).rows[0]!);
  const csv = { name: "recount.csv", mimeType: "text/csv", buffer: Buffer.from(`sku,warehouse,quantity,mode\n${level.sku},${level.code},1,increment\n`) };
  await signInAs(page, "ops");
  await page.goto("/admin/bulk");
  await page.getByLabel("CSV file").setInputFiles(csv);
  await page.getByLabel("Reference").fill("UX-RECOUNT-1");
  await page.getByRole("button", { name: "Check file" }).click();
  await expect(page.getByTestId("prior-upload")).toHaveCount(0);
  await page.getByRole("button", { name: /^Apply/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Applied “UX-RECOUNT-1”" })).toBeVisible();

  // The same file again, same reference: said at preview, not on Apply.
  await page.getByLabel("CSV file").setInputFiles(csv);
  await page.getByRole("button", { name: "Check file" }).click();
  await expect(page.getByTestId("prior-upload")).toContainText("already applied as “UX-RECOUNT-1”");
  const apply = page.getByRole("button", { name: /^Apply/ });
  await expect(apply).toBeDisabled();
  // Visibly disabled: not the brand colour of an active primary button.
  const [disabledBg, cursor] = await apply.evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).cursor]);
  await page.getByRole("button", { name: "Check file" }).evaluate((el) => el.removeAttribute("disabled"));
  const activeBg = await page.getByRole("button", { name: "Check file" }).evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(disabledBg).not.toBe(activeBg);
  expect(cursor).toBe("not-allowed");

  // Under a new reference it may be applied again, with a warning that it changes stock again.
  await page.getByLabel("Reference").fill("UX-RECOUNT-2");
  await expect(page.getByTestId("prior-upload")).toHaveAttribute("data-kind", "file-applied");
  await expect(page.getByRole("button", { name: /^Apply again/ })).toBeEnabled();
});
