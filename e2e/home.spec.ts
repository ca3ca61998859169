import path from "node:path";
import { expect, test } from "@playwright/test";

test("the catalogue shows a healthy store and the seeded products", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);

  const badge = page.getByTestId("health-badge");
  await expect(badge).toBeVisible();
  await expect(badge).toHaveAttribute("data-status", "ok");

  const size = page.getByTestId("catalogue-size");
  await expect(size).toBeVisible();
  await expect(size).toContainText(/\d+ products?/);

  await page.screenshot({ path: path.join(__dirname, "artifacts", "home.png"), fullPage: true });
});

test("/api/health reports PostgreSQL and Redis", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const health = await response.json();
  expect(health).toMatchObject({
    status: "ok",
    database: { ok: true, mode: "postgres" },
    cache: { ok: true, mode: "redis" },
  });
});
