import { expect, test, type Page } from "@playwright/test";
import { findVariants, withDb, type VariantPick } from "./store-helpers";

// Twenty consecutive hold-changing cart actions by one shopper — adds from
// product pages, quantity changes and removals in the cart — each checked
// against the database (the session's live holds), never only against the UI.
// On the old embedded engine the second or third of these failed.

async function cartSessionId(page: Page): Promise<string> {
  const cookie = (await page.context().cookies()).find((c) => c.name === "stockroom_cart");
  expect(cookie, "the first add sets the cart cookie").toBeTruthy();
  const payload = JSON.parse(Buffer.from(cookie!.value.split(".")[0]!, "base64url").toString("utf8")) as { sid: string };
  return payload.sid;
}

async function heldBySession(sessionId: string, variantId: string): Promise<number> {
  return withDb(async (db) => {
    const { rows } = await db.query<{ held: number }>(
      `select coalesce(sum("quantity"), 0)::int as held from "StockReservation" where "sessionId" = $1 and "variantId" = $2 and "expiresAt" > now()`,
      [sessionId, variantId],
    );
    return rows[0]!.held;
  });
}

test("twenty consecutive add, quantity-change and remove actions all succeed and hold exactly what the cart shows", async ({ page, request }) => {
  test.setTimeout(120_000);
  const picks = await findVariants(request, (v) => v.policy === "DENY" && v.available >= 8, 3);
  const [a, b, c] = picks as [VariantPick, VariantPick, VariantPick];
  const errors = page.locator("[data-sonner-toast][data-type=error]");
  let session = "";
  let actions = 0;

  const expectHeld = async (pick: VariantPick, quantity: number) => {
    actions += 1;
    await expect.poll(() => heldBySession(session, pick.variantId), { message: `action ${actions}: holds of ${pick.slug}` }).toBe(quantity);
    await expect(errors, `action ${actions} showed an error`).toHaveCount(0);
  };
  const addFromProductPage = async (pick: VariantPick, expected: number) => {
    await page.goto(`/products/${pick.slug}?variant=${pick.variantId}`);
    await page.getByTestId("add-to-cart").click();
    await expect(page.getByText("Added to cart — held for you").last()).toBeVisible();
    session ||= await cartSessionId(page);
    await expectHeld(pick, expected);
  };
  const line = (pick: VariantPick) => page.getByTestId("cart-line").filter({ has: page.locator(`a[href*="${pick.variantId}"]`) });
  const setQuantity = async (pick: VariantPick, quantity: number) => {
    const input = line(pick).getByTestId("line-quantity");
    await expect(input).toBeEnabled();
    await input.fill(String(quantity));
    await input.press("Enter");
    await expectHeld(pick, quantity);
    await expect(input).toHaveValue(String(quantity));
  };
  const remove = async (pick: VariantPick) => {
    await line(pick).getByRole("button", { name: /^Remove / }).click();
    await expectHeld(pick, 0);
    await expect(line(pick)).toHaveCount(0);
  };

  await addFromProductPage(a, 1);
  await addFromProductPage(b, 1);
  await addFromProductPage(c, 1);
  await addFromProductPage(a, 2);
  await page.goto("/cart");
  for (const [pick, quantity] of [[a, 3], [a, 4], [a, 5], [a, 2], [b, 2], [b, 3], [b, 4], [b, 1], [c, 4], [c, 2]] as const) {
    await setQuantity(pick, quantity);
  }
  // The page is not re-rendered after a change: the header count follows the answers (a 2, b 1, c 2).
  await expect(page.getByTestId("cart-count")).toHaveText("5");
  await remove(c);
  await addFromProductPage(c, 1);
  await page.goto("/cart");
  await setQuantity(c, 3);
  await remove(b);
  await addFromProductPage(b, 1);
  await page.goto("/cart");
  await remove(a);
  expect(actions).toBe(20);

  await page.reload();
  await expect(page.getByTestId("cart-line")).toHaveCount(2);
  await expect(line(b).getByTestId("line-quantity")).toHaveValue("1");
  await expect(line(c).getByTestId("line-quantity")).toHaveValue("3");
  // What the public stock API reports moved by exactly what the cart holds.
  for (const [pick, held] of [[a, 0], [b, 1], [c, 3]] as const) {
    const stock = (await (await request.get(`/api/inventory/stock?productId=${pick.productId}`)).json()) as { variants: { variantId: string; available: number }[] };
    expect(stock.variants.find((v) => v.variantId === pick.variantId)?.available).toBe(pick.available - held);
  }
});
