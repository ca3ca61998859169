import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { expireAllHoldsOf, fillCheckoutAndPlaceOrder, findVariant } from "./store-helpers";

const shots = path.join(__dirname, "artifacts", "screenshots");

async function openVariant(page: Page, slug: string, variantId: string) {
  await page.goto(`/products/${slug}?variant=${variantId}`);
  await expect(page.getByTestId("live-state")).toHaveAttribute("data-state", "live");
}

test("browse, pick a variant, hold it, watch another shopper's badge drop live, check out", async ({ browser, request }) => {
  const pick = await findVariant(request, (v) => v.policy === "DENY" && v.lowStock && v.available >= 2 && v.available <= 5);
  const shopper = await browser.newContext();
  const watcher = await browser.newContext();
  const page = await shopper.newPage();
  const other = await watcher.newPage();

  // Browse: the catalogue search finds the product, and its card opens the product page.
  await page.goto("/");
  await expect(page.getByTestId("catalogue-size")).toContainText("products");
  await openVariant(page, pick.slug, pick.variantId);
  await expect(page.getByTestId("stock-badge")).toHaveText(`Only ${pick.available} left`);

  await openVariant(other, pick.slug, pick.variantId);
  await expect(other.getByTestId("stock-badge")).toHaveText(`Only ${pick.available} left`);

  await page.getByTestId("add-to-cart").click();
  await expect(page.getByText("Added to cart — held for you")).toBeVisible();
  // The second shopper's page was not reloaded: the change arrived over SSE.
  await expect(other.getByTestId("stock-badge")).toHaveText(`Only ${pick.available - 1} left`, { timeout: 3_000 });
  await expect(page.getByTestId("cart-count")).toHaveText("1");
  await page.screenshot({ path: path.join(shots, "product-page.png"), fullPage: true });

  await page.goto("/cart");
  await expect(page.getByTestId("cart-line")).toHaveCount(1);
  await expect(page.getByTestId("hold-countdown")).toContainText("Held for 1");
  await page.screenshot({ path: path.join(shots, "cart.png"), fullPage: true });

  await page.getByTestId("checkout-link").click();
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByTestId("place-order").click();
  await expect(page.locator("#email-error")).toHaveText("Enter a valid email address");
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");

  await fillCheckoutAndPlaceOrder(page);

  await expect(page.getByTestId("order-confirmation")).toBeVisible();
  await expect(page.getByTestId("order-line")).toHaveCount(1);
  await page.screenshot({ path: path.join(shots, "order.png"), fullPage: true });
  await expect(page.getByTestId("cart-count")).toHaveText("0");
  // The sale keeps the unit gone for everyone.
  await expect(other.getByTestId("stock-badge")).toHaveText(`Only ${pick.available - 1} left`);

  // Another shopper cannot see this order.
  const stranger = await watcher.newPage();
  const response = await stranger.goto(page.url());
  expect(response?.status()).toBe(404);
  await shopper.close();
  await watcher.close();
});

test("an out-of-stock variant cannot be added to the cart", async ({ page, request }) => {
  const pick = await findVariant(request, (v) => v.policy === "DENY" && v.orderable === 0);
  await openVariant(page, pick.slug, pick.variantId);
  await expect(page.getByTestId("stock-badge")).toHaveText("Out of stock");
  await expect(page.getByTestId("add-to-cart")).toBeDisabled();
  await expect(page.getByTestId("add-to-cart")).toHaveText("Sold out");

  // The shopper can ask to be told when it is back.
  await page.getByLabel(/email/i).fill("waiting@example.com");
  await page.getByRole("button", { name: /notify me|email me/i }).click();
  await expect(page.getByText(/we'll email|we will email|on the list/i).first()).toBeVisible();
});

test("an expired hold is reported in the cart and can be held again", async ({ page, request }) => {
  const pick = await findVariant(request, (v) => v.policy === "DENY" && v.available >= 10);
  await openVariant(page, pick.slug, pick.variantId);
  await page.getByTestId("add-to-cart").click();
  await expect(page.getByTestId("cart-count")).toHaveText("1");

  expect(await expireAllHoldsOf(pick.variantId)).toBeGreaterThan(0);
  await page.goto("/cart");
  await expect(page.getByTestId("hold-expired")).toBeVisible();
  await expect(page.getByTestId("checkout-link")).toHaveCount(0);

  await page.getByTestId("re-reserve").click();
  await expect(page.getByText("Held again for you")).toBeVisible();
  await expect(page.getByTestId("hold-countdown")).toBeVisible();
  await expect(page.getByTestId("checkout-link")).toBeVisible();
});

test("bad stream and stock parameters answer 400/404 with a JSON error", async ({ request }) => {
  const bad = await request.get("/api/inventory/stream?productId=not-a-uuid");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.code).toBe("VALIDATION");
  const unknown = await request.get("/api/inventory/stream?productId=00000000-0000-4000-8000-000000000000");
  expect(unknown.status()).toBe(404);
  const stock = await request.get("/api/inventory/stock");
  expect(stock.status()).toBe(400);
});

test("the product page works with the keyboard alone and on a phone-sized screen", async ({ browser, request }) => {
  const pick = await findVariant(request, (v) => v.policy === "DENY" && v.available >= 10, ["organic-cotton-tee", "classic-pullover-hoodie", "zip-fleece-hoodie"]);
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
  const page = await phone.newPage();
  await openVariant(page, pick.slug, pick.variantId);
  const checked = page.getByRole("radio", { checked: true }).last();
  await checked.focus();
  await expect(checked).toBeFocused();
  // Native radio groups: arrow keys move the selection, Tab leaves the group.
  await page.keyboard.press("ArrowLeft");
  await expect(page).not.toHaveURL(new RegExp(pick.variantId));
  await page.keyboard.press("ArrowRight");
  await expect(page).toHaveURL(new RegExp(pick.variantId));
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Quantity")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByTestId("add-to-cart")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("cart-count")).toHaveText("1");
  await page.screenshot({ path: path.join(shots, "product-page-phone.png"), fullPage: true });
  await phone.close();
});
