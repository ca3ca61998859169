import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E_TARGET } from "./e2e-env";
import { signInAs } from "./store-helpers";

const modes = E2E_TARGET === "embedded" ? { database: "embedded", cache: "memory" } : { database: "postgres", cache: "redis" };

test("the catalogue shows the seeded products, and system status is for admins only", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page.getByTestId("health-badge")).toHaveCount(0);

  const size = page.getByTestId("catalogue-size");
  await expect(size).toBeVisible();
  await expect(size).toContainText(/\d+ products?/);

  await page.screenshot({ path: path.join(__dirname, "artifacts", "home.png"), fullPage: true });

  await signInAs(page, "ops");
  const badge = page.getByTestId("health-badge");
  await expect(badge).toHaveAttribute("data-status", "ok");
  await expect(badge).toContainText(`database: ${modes.database} · cache: ${modes.cache}`);
});

test("/api/health reports the database and cache in use", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const health = await response.json();
  expect(health).toMatchObject({
    status: "ok",
    database: { ok: true, mode: modes.database },
    cache: { ok: true, mode: modes.cache },
  });
});
