import { mkdirSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page, type TestInfo } from "@playwright/test";
import { fillCheckoutAndPlaceOrder, findVariant, signInAs } from "./store-helpers";

// axe on every store and admin page, in the states the e2e reaches (empty
// cart, full cart, sold out, errors shown), at desktop (1280×800) and phone
// (390×844) sizes: zero serious or critical violations. Each page's
// screenshot at both sizes is attached to the report (and written under
// e2e/artifacts/screenshots/pages/ for a person to look at).

const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;
type ViewportName = keyof typeof VIEWPORTS;
const shots = path.join(__dirname, "artifacts", "screenshots", "pages");
mkdirSync(shots, { recursive: true });

type Violation = { page: string; rule: string; impact: string; help: string; targets: string[] };

async function audit(page: Page, testInfo: TestInfo, name: string, viewport: ViewportName, found: Violation[]) {
  // Let fonts, images and entrance animations settle so the screenshot shows the page as people see it.
  await page.waitForLoadState("load");
  await page.evaluate(() => document.fonts.ready);
  const file = path.join(shots, `${name}-${viewport}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: "disabled" });
  await testInfo.attach(`${name}-${viewport}.png`, { path: file, contentType: "image/png" });
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
  for (const v of results.violations) {
    if (v.impact !== "serious" && v.impact !== "critical") continue;
    found.push({ page: `${name} (${viewport})`, rule: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")) });
  }
}

async function report(testInfo: TestInfo, found: Violation[]) {
  if (found.length) await testInfo.attach("axe-violations.json", { body: JSON.stringify(found, null, 2), contentType: "application/json" });
  expect(found, JSON.stringify(found, null, 2)).toEqual([]);
}

async function phoneAndDesktop(browser: Browser, work: (page: Page, viewport: ViewportName) => Promise<void>, signIn?: "admin" | "ops") {
  for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
    const context = await browser.newContext({ viewport: VIEWPORTS[viewport], hasTouch: viewport === "phone" });
    const page = await context.newPage();
    if (signIn) await signInAs(page, signIn);
    await work(page, viewport);
    await context.close();
  }
}

test("store pages: no serious or critical axe violations, empty and full cart, sold out, errors shown", async ({ browser, request }, testInfo) => {
  test.setTimeout(240_000);
  const found: Violation[] = [];
  const inStock = await findVariant(request, (v) => v.policy === "DENY" && v.available >= 6, ["organic-cotton-tee", "classic-pullover-hoodie", "zip-fleece-hoodie", "heavyweight-pocket-tee"]);
  const soldOut = await findVariant(request, (v) => v.policy === "DENY" && v.orderable === 0);
  const preorder = await findVariant(request, (v) => v.policy === "PREORDER");

  await phoneAndDesktop(browser, async (page, viewport) => {
    const check = (name: string) => audit(page, testInfo, name, viewport, found);
    await page.goto("/");
    await check("catalogue");
    await page.goto("/?q=no-such-thing");
    await check("catalogue-no-results");
    await page.goto("/cart");
    await check("cart-empty");
    await page.goto("/checkout");
    await check("checkout-empty");

    await page.goto(`/products/${soldOut.slug}?variant=${soldOut.variantId}`);
    await expect(page.getByTestId("add-to-cart")).toHaveText("Sold out");
    await check("product-sold-out");
    await page.getByLabel(/email me when it's back/i).fill("not-an-email");
    await page.getByRole("button", { name: /notify me/i }).click();
    await expect(page.getByRole("alert").first()).toBeVisible();
    await check("product-waitlist-error");

    await page.goto(`/products/${preorder.slug}?variant=${preorder.variantId}`);
    await expect(page.getByTestId("live-state")).toHaveAttribute("data-state", "live");
    await check("product-preorder");

    await page.goto(`/products/${inStock.slug}?variant=${inStock.variantId}`);
    await expect(page.getByTestId("live-state")).toHaveAttribute("data-state", "live");
    await page.getByTestId("add-to-cart").click();
    await expect(page.locator("[data-sonner-toast]").first()).toBeVisible();
    await check("product-added-toast");

    await page.goto("/cart");
    await expect(page.getByTestId("cart-line")).toHaveCount(1);
    await check("cart-full");

    await page.goto("/checkout");
    await page.getByTestId("place-order").click();
    await expect(page.locator("#email-error")).toBeVisible();
    await check("checkout-errors");

    await fillCheckoutAndPlaceOrder(page);
    await expect(page.getByTestId("order-confirmation")).toBeVisible();
    await check("order-confirmation");

    await page.goto("/products/no-such-product");
    await check("not-found");
  });
  await report(testInfo, found);
});

test("admin pages: no serious or critical axe violations, with errors shown", async ({ browser, request }, testInfo) => {
  test.setTimeout(240_000);
  const found: Violation[] = [];
  const variant = await findVariant(request, (v) => v.policy === "DENY" && v.available >= 1);

  // Signed out: the sign-in page, and its error.
  await phoneAndDesktop(browser, async (page, viewport) => {
    await page.goto("/admin/sign-in");
    await audit(page, testInfo, "admin-sign-in", viewport, found);
    await page.getByLabel("Email").fill("admin@stockroom.test");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("form", { name: "Sign in" }).getByRole("alert")).toBeVisible();
    await audit(page, testInfo, "admin-sign-in-error", viewport, found);
  });

  await phoneAndDesktop(browser, async (page, viewport) => {
    const visit = async (name: string, url: string) => {
      await page.goto(url);
      await expect(page.getByTestId("admin-user")).toBeVisible();
      await audit(page, testInfo, name, viewport, found);
    };
    await visit("admin-dashboard", "/admin");
    await page.keyboard.press("Control+k");
    await page.getByPlaceholder(/Go to a page/).fill("TEE-ORG");
    await expect(page.getByRole("option", { name: /TEE-ORG/ }).first()).toBeVisible();
    await audit(page, testInfo, "admin-command-palette", viewport, found);
    await page.getByRole("option", { name: /TEE-ORG/ }).first().click();
    await expect(page).toHaveURL(/\/admin\/inventory\/[0-9a-f-]{36}$/);
    await visit("admin-inventory", "/admin/inventory");
    const breakdown = page.getByTestId("available-breakdown").first();
    if (await breakdown.count()) {
      await breakdown.locator("summary").click();
      await audit(page, testInfo, "admin-inventory-breakdown-open", viewport, found);
    }
    await visit("admin-inventory-empty", "/admin/inventory?q=no-such-sku-anywhere");
    await visit("admin-variant", `/admin/inventory/${variant.variantId}`);
    await visit("admin-alerts", "/admin/alerts");
    await page.getByRole("button", { name: /^Edit threshold of/ }).first().click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await audit(page, testInfo, "admin-alerts-threshold-dialog", viewport, found);
    await page.keyboard.press("Escape");
    await visit("admin-alerts-channels", "/admin/alerts?tab=channels");
    await visit("admin-alerts-history", "/admin/alerts?tab=history");
    await visit("admin-audit", "/admin/audit");
    await visit("admin-reservations", "/admin/reservations");
    await visit("admin-users", "/admin/users");
    await visit("admin-account", "/admin/account");
    await visit("admin-bulk-history", "/admin/bulk/history");
    await visit("admin-bulk", "/admin/bulk");
    await page.getByLabel("CSV file").setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from("sku,warehouse,quantity,mode\nNO-SUCH-SKU,MAIN,1,set\n") });
    await page.getByRole("button", { name: "Check file" }).click();
    await expect(page.getByTestId("bulk-errors")).toBeVisible();
    await audit(page, testInfo, "admin-bulk-errors", viewport, found);
  }, "admin");

  // An OPS user on an admin-only page: the forbidden page.
  await phoneAndDesktop(browser, async (page, viewport) => {
    await page.goto("/admin/users");
    await expect(page.getByTestId("forbidden")).toBeVisible();
    await audit(page, testInfo, "admin-forbidden", viewport, found);
  }, "ops");
  await report(testInfo, found);
});
