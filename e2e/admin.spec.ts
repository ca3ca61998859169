import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { findVariant, withDb } from "./store-helpers";

// The admin journey on the seeded demo data: sign in, find a low-stock item,
// receive a purchase order, watch it leave the low-stock list (live, over SSE,
// on a second open dashboard) and the history and chart update; and an OPS
// user refused a policy change by the server even with the form forced open.

async function signIn(page: Page, email: string, password: string, goTo = "/admin") {
  await page.goto(goTo);
  await expect(page).toHaveURL(/\/admin\/sign-in\?next=/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("admin-user")).toBeVisible();
}

async function newSignedInPage(browser: Browser, email: string, password: string, goTo?: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, password, goTo);
  return page;
}

test("anonymous visitors are sent to sign-in and wrong passwords are refused", async ({ page }) => {
  await page.goto("/admin/inventory");
  await expect(page).toHaveURL(/\/admin\/sign-in\?next=%2Fadmin%2Finventory/);
  await page.getByLabel("Email").fill("admin@stockroom.test");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("form", { name: "Sign in" }).getByRole("alert")).toHaveText("Wrong email or password");
  const api = await page.request.get("/api/admin/ledger");
  expect(api.status()).toBe(401);
});

test("receive a PO for a low-stock item: it leaves the low-stock list live, history and chart update", async ({ browser }) => {
  const admin = await newSignedInPage(browser, "admin@stockroom.test", "admin-password");
  await expect(admin).toHaveURL(/\/admin$/);

  // Find a low (not sold-out) item in the dashboard's low-stock list.
  const lowList = admin.getByTestId("low-stock-list");
  const lowRow = lowList.locator(`tbody tr[data-status="low"]`).first();
  await expect(lowRow).toBeVisible();
  const sku = (await lowRow.getAttribute("data-sku"))!;
  const lowBefore = Number(await admin.getByTestId("tile-low-stock").locator("dd").innerText());
  expect(lowBefore).toBeGreaterThan(0);

  // A second admin tab keeps the dashboard open and must update by itself.
  const watcher = await newSignedInPage(browser, "admin@stockroom.test", "admin-password");
  await expect(watcher.getByTestId("live-status")).toHaveAttribute("data-status", "live");
  await expect(watcher.getByTestId("low-stock-list").locator(`tr[data-sku="${sku}"]`)).toBeVisible();

  await lowRow.getByRole("link").click();
  await expect(admin.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(admin.getByText(sku, { exact: true }).first()).toBeVisible();
  const onHandBefore = Number(await admin.getByTestId("on-hand-now").innerText());

  const receive = admin.getByRole("form", { name: "Receive purchase order" });
  await receive.getByLabel("Units received").fill("50");
  await receive.getByLabel("PO number").fill("PO-E2E-1");
  await receive.getByRole("button", { name: "Receive" }).click();
  await expect(admin.getByText("Purchase order received")).toBeVisible();

  // History and chart re-render from the ledger.
  await expect(admin.getByTestId("on-hand-now")).toHaveText(String(onHandBefore + 50));
  const newest = admin.getByTestId("movement-table").locator("tbody tr").first();
  await expect(newest).toContainText("Purchase order");
  await expect(newest).toContainText("PO-E2E-1");
  await expect(newest).toContainText("+50");
  await expect(newest).toContainText("admin@stockroom.test");
  await admin.screenshot({ path: path.join(__dirname, "artifacts", "admin-variant.png"), fullPage: true });

  // The open dashboard drops the item and its tile count without a reload (SSE → router.refresh).
  await expect(watcher.getByTestId("low-stock-list").locator(`tr[data-sku="${sku}"]`)).toHaveCount(0, { timeout: 15_000 });
  await expect(watcher.getByTestId("tile-low-stock").locator("dd")).toHaveText(String(lowBefore - 1));
  await watcher.screenshot({ path: path.join(__dirname, "artifacts", "admin-dashboard.png"), fullPage: true });

  // Inline validation: a bad receipt is refused under its fields, nothing written.
  await receive.getByLabel("Units received").fill("0");
  await receive.getByRole("button", { name: "Receive" }).click();
  await expect(receive.getByText("must be at least 1")).toBeVisible();
  await expect(receive.getByText("enter the purchase order number")).toBeVisible();
  await expect(admin.getByTestId("on-hand-now")).toHaveText(String(onHandBefore + 50));

  // The inventory table finds it by SKU, now in stock.
  await admin.goto(`/admin/inventory?q=${encodeURIComponent(sku)}`);
  await expect(admin.getByTestId("inventory-table").locator(`tr[data-sku="${sku}"]`)).toContainText("In stock");
});

test("an OPS user can receive stock but the server refuses their policy change", async ({ browser }) => {
  const ops = await newSignedInPage(browser, "ops@stockroom.test", "ops-password", "/admin/inventory?q=TEE");
  const firstLink = ops.getByTestId("inventory-table").locator("tbody tr a").first();
  await firstLink.click();
  const settings = ops.getByRole("form", { name: "Variant settings" });
  await expect(ops.getByText("Only admins can change these settings.")).toBeVisible();
  const policy = settings.getByLabel("When out of stock");
  await expect(policy).toBeDisabled();
  const before = await policy.inputValue();

  // Force the form open, as someone with devtools would: the server must still say no.
  await settings.locator("fieldset").evaluate((el) => el.removeAttribute("disabled"));
  await policy.selectOption("BACKORDER");
  await settings.getByLabel("Backorder / pre-order limit").fill("99");
  await settings.getByRole("button", { name: "Save settings" }).click();
  await expect(settings.getByRole("alert")).toHaveText("You do not have permission to do that");

  await ops.reload();
  await expect(ops.getByRole("form", { name: "Variant settings" }).getByLabel("When out of stock")).toHaveValue(before);

  // OPS may move stock.
  const adjust = ops.getByRole("form", { name: "Adjust stock" });
  await adjust.getByLabel("Change (+ or −)").fill("1");
  await adjust.getByLabel("Reason").fill("found one");
  await adjust.getByRole("button", { name: "Adjust" }).click();
  await expect(ops.getByText("Stock adjusted")).toBeVisible();
  await expect(ops.getByTestId("movement-table").locator("tbody tr").first()).toContainText("ops@stockroom.test");

  // And the admin-only ledger check is refused to OPS, with the session cookie of the browser.
  expect((await ops.request.get("/api/admin/ledger")).status()).toBe(403);
});

test("the reservations page and the ledger check answer an admin", async ({ browser }) => {
  const admin = await newSignedInPage(browser, "admin@stockroom.test", "admin-password", "/admin/reservations");
  await expect(admin.getByRole("heading", { name: "Reservations" })).toBeVisible();
  // Other specs may have left live holds (releasing one is covered by the integration tests).
  const live = await withDb(async (db) => (await db.query<{ n: number }>(`select count(*)::int as n from "StockReservation" where "expiresAt" > now()`)).rows[0]!.n);
  if (live === 0) await expect(admin.getByText("No active cart holds.")).toBeVisible();
  else await expect(admin.getByTestId("holds-table").locator("tbody tr").first()).toBeVisible();
  const ledger = await admin.request.get("/api/admin/ledger");
  expect(ledger.status()).toBe(200);
  expect(await ledger.json()).toMatchObject({ ok: true });
});

test("an admin adds a user; OPS does not see or reach the users page", async ({ browser }) => {
  const admin = await newSignedInPage(browser, "admin@stockroom.test", "admin-password", "/admin/users");
  const form = admin.getByRole("form", { name: "Add a user" });
  await form.getByLabel("Email").fill("new.ops@stockroom.test");
  await form.getByLabel("Name").fill("Nia New");
  await form.getByLabel("Initial password").fill("short");
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(form.getByText("At least 12 characters", { exact: true })).toBeVisible();
  await form.getByLabel("Initial password").fill("a-long-enough-password");
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(admin.getByTestId("user-row").filter({ hasText: "new.ops@stockroom.test" })).toBeVisible();

  const ops = await newSignedInPage(browser, "new.ops@stockroom.test", "a-long-enough-password");
  await expect(ops.getByRole("link", { name: "Users" })).toHaveCount(0);
  const refused = await ops.goto("/admin/users");
  expect(refused?.status()).toBe(403);
  await expect(ops.getByTestId("forbidden")).toContainText("You do not have access to this page");
  await expect(ops).toHaveURL(/\/admin\/users$/);
});

test("an admin switches a hot variant into flash-sale mode, shoppers keep buying, and it merges back", async ({ browser, request }) => {
  const pick = await findVariant(request, (v) => v.policy === "DENY" && v.available >= 20);
  const admin = await newSignedInPage(browser, "admin@stockroom.test", "admin-password", `/admin/inventory/${pick.variantId}`);
  const flash = admin.getByTestId("flash-sale");
  await expect(admin.getByTestId("flash-sale-status")).toContainText("Off");
  await flash.getByLabel("Buckets").fill("4");
  await flash.getByRole("button", { name: "Start flash sale" }).click();
  await expect(admin.getByTestId("flash-sale-status")).toContainText("On: 4 buckets");

  const shopper = await (await browser.newContext()).newPage();
  await shopper.goto(`/products/${pick.slug}?variant=${pick.variantId}`);
  await shopper.getByTestId("add-to-cart").click();
  await expect(shopper.getByTestId("cart-count")).toHaveText("1");
  const stock = await (await request.get(`/api/inventory/stock?productId=${pick.productId}&variantId=${pick.variantId}`)).json();
  expect(stock.variants[0].available).toBe(pick.available - 1);

  await flash.getByRole("button", { name: "End and merge back" }).click();
  await expect(admin.getByTestId("flash-sale-status")).toContainText("Off");
  const after = await (await request.get(`/api/inventory/stock?productId=${pick.productId}&variantId=${pick.variantId}`)).json();
  expect(after.variants[0].available).toBe(pick.available - 1);
  const ledger = await admin.request.get("/api/admin/ledger");
  expect((await ledger.json()).ok).toBe(true);
});

test("signing out ends the session on the server: a copied cookie no longer opens pages or exports", async ({ browser }) => {
  const admin = await newSignedInPage(browser, "admin@stockroom.test", "admin-password", "/admin/account");
  await expect(admin.getByTestId("sessions-table").locator("tr[data-current=true]")).toContainText("this device");
  const cookie = (await admin.context().cookies()).find((c) => c.name === "stockroom_admin")!;
  // Someone copies the cookie (a shared computer, a leaked HAR file)...
  const thief = await browser.newContext();
  await thief.addCookies([cookie]);
  const stolen = await thief.newPage();
  expect((await stolen.request.get("/api/admin/ledger")).status()).toBe(200);
  // ...and the owner signs out.
  await admin.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(admin).toHaveURL(/\/admin\/sign-in/);
  expect((await stolen.request.get("/api/admin/ledger")).status()).toBe(401);
  expect((await stolen.request.get("/api/admin/movements/export")).status()).toBe(401);
  await stolen.goto("/admin/inventory");
  await expect(stolen).toHaveURL(/\/admin\/sign-in\?next=/);
  await thief.close();
});
