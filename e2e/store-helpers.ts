import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { Client } from "pg";
import { E2E_DATABASE_URL } from "./e2e-env";

type Availability = { variantId: string; available: number; orderable: number; lowStock: boolean; policy: string };
export type VariantPick = { slug: string; productId: string; variantId: string; available: number };

export async function withDb<T>(work: (db: Client) => Promise<T>): Promise<T> {
  const db = new Client({ connectionString: E2E_DATABASE_URL });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

/** A variant matching `accept`, found through the public stock API (other specs may have changed the seed's stock). */
export async function findVariant(request: APIRequestContext, accept: (a: Availability) => boolean, slugs?: string[]): Promise<VariantPick> {
  const all = await withDb(async (db) => (await db.query<{ id: string; slug: string }>(`select "id", "slug" from "Product" order by "slug"`)).rows);
  const products = slugs ? all.filter((p) => slugs.includes(p.slug)) : all;
  for (const product of products) {
    const response = await request.get(`/api/inventory/stock?productId=${product.id}`);
    const { variants } = (await response.json()) as { variants: Availability[] };
    const match = variants.find(accept);
    if (match) return { slug: product.slug, productId: product.id, variantId: match.variantId, available: match.available };
  }
  throw new Error("no variant in the seeded catalogue matches");
}

/** `count` matching variants, each of a different product. */
export async function findVariants(request: APIRequestContext, accept: (a: Availability) => boolean, count: number): Promise<VariantPick[]> {
  const slugs = await withDb(async (db) => (await db.query<{ slug: string }>(`select "slug" from "Product" order by "slug"`)).rows.map((r) => r.slug));
  const picks: VariantPick[] = [];
  for (const slug of slugs) {
    if (picks.length === count) break;
    const pick = await findVariant(request, accept, [slug]).catch(() => null);
    if (pick) picks.push(pick);
  }
  if (picks.length < count) throw new Error(`only ${picks.length} products have a matching variant; ${count} needed`);
  return picks;
}

/** Makes every hold of the browser's cart session look expired (as if 15 minutes had passed). */
export async function expireAllHoldsOf(variantId: string): Promise<number> {
  return withDb(async (db) => {
    const result = await db.query(`update "StockReservation" set "expiresAt" = now() - interval '1 second' where "variantId" = $1`, [variantId]);
    return result.rowCount ?? 0;
  });
}

/** Signs `page` in through the sign-in page as a demo user (their passwords are "<role>-password"). */
export async function signInAs(page: Page, who: "admin" | "ops") {
  await page.goto("/admin/sign-in");
  await page.getByLabel("Email").fill(`${who}@stockroom.test`);
  await page.getByLabel("Password").fill(`${who}-password`);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("admin-user")).toBeVisible();
}

/** Fills the checkout form with a valid shopper and the simulated provider's approving test card, then places the order. */
export async function fillCheckoutAndPlaceOrder(page: Page, shopper: { email?: string; name?: string } = {}) {
  await page.getByLabel("Email").fill(shopper.email ?? "shopper@example.com");
  await page.getByLabel("Full name").fill(shopper.name ?? "Sam Shopper");
  await page.getByLabel("Address", { exact: true }).fill("1 Main Street");
  await page.getByLabel("City").fill("Springfield");
  await page.getByLabel("Postal code").fill("12345");
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByLabel("Expiry (MM/YY)").fill("12/39");
  await page.getByLabel("CVC").fill("123");
  await page.getByTestId("place-order").click();
}
