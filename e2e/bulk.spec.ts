import path from "node:path";
import { expect, test } from "@playwright/test";
import { Client } from "pg";
import { E2E_BASE_URL, E2E_DATABASE_URL } from "./e2e-env";
import { signInAs } from "./store-helpers";


async function query<T extends object>(sql: string): Promise<{ rows: T[] }> {
  const client = new Client({ connectionString: E2E_DATABASE_URL });
  await client.connect();
  try {
    return await client.query<T>(sql);
  } finally {
    await client.end();
  }
}

type Level = { sku: string; code: string; onHand: number };

async function freeLevels(): Promise<Level[]> {
  const { rows } = await query<Level>(`select v."sku", w."code", l."onHand" from "StockLevel" l
    join "ProductVariant" v on v."id" = l."variantId" join "Warehouse" w on w."id" = l."warehouseId"
    where v."inventoryPolicy" = 'DENY' and l."reserved" = 0 and l."backordered" = 0 and l."onHand" between 3 and 500
    order by v."sku", w."code" limit 2`);
  return rows;
}

const file = (name: string, lines: string[]) => ({ name, mimeType: "text/csv", buffer: Buffer.from(`${lines.join("\n")}\n`) });

test("anonymous callers are refused by the bulk routes and sent to sign in by the page", async ({ page, request }) => {
  const response = await request.post("/api/admin/bulk/preview", { data: "sku,warehouse,quantity,mode\n", headers: { "content-type": "text/csv" } });
  expect(response.status()).toBe(401);
  expect((await request.get("/api/admin/bulk/export")).status()).toBe(401);
  await page.goto("/admin/bulk");
  await expect(page).toHaveURL(/\/admin\/sign-in\?next=%2Fadmin%2Fbulk/);
});

test("ops previews a CSV with row errors, fixes it, applies it once, and sees it in the history", async ({ page }) => {
  const [a, b] = await freeLevels();
  expect(a && b).toBeTruthy();
  await signInAs(page, "ops");
  await page.goto("/admin/bulk");
  await expect(page.getByRole("heading", { name: "Bulk stock update" })).toBeVisible();

  // 1. A file with mistakes: errors with line numbers, nothing to apply.
  await page.getByLabel("CSV file").setInputFiles(file("count.csv", [
    "sku,warehouse,quantity,mode",
    `${a!.sku},${a!.code},${a!.onHand + 5},set`,
    `${b!.sku},${b!.code},${b!.onHand + 1},decrement`,
    "NO-SUCH-SKU,MAIN,1,set",
  ]));
  await page.getByRole("button", { name: "Check file" }).click();
  const errors = page.getByTestId("bulk-errors");
  await expect(errors).toContainText(`decrement of ${b!.onHand + 1} would take on-hand below zero`);
  await expect(errors.getByRole("row").nth(1)).toContainText("3");
  await expect(errors).toContainText('unknown sku "NO-SUCH-SKU"');
  await expect(page.getByRole("button", { name: /^Apply/ })).toBeDisabled();
  await page.screenshot({ path: path.join(__dirname, "artifacts", "bulk-preview-errors.png"), fullPage: true });

  // 2. The fixed file: a diff of current → new, then apply with a reference.
  const fixed = file("count-fixed.csv", ["sku,warehouse,quantity,mode", `${a!.sku},${a!.code},${a!.onHand + 5},set`, `${b!.sku},${b!.code},2,decrement`]);
  await page.getByLabel("CSV file").setInputFiles(fixed);
  await page.getByRole("button", { name: "Check file" }).click();
  const changes = page.getByTestId("bulk-changes");
  await expect(changes.getByRole("row").nth(1)).toContainText(`${a!.onHand}${a!.onHand + 5}+5`);
  await expect(changes.getByRole("row").nth(2)).toContainText(`${b!.onHand}${b!.onHand - 2}-2`);
  await page.getByLabel("Reference").fill("E2E-COUNT-1");
  await page.getByRole("button", { name: "Apply 2 changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Applied “E2E-COUNT-1”: 2 stock levels changed" })).toBeVisible();
  const { rows } = await query<{ onHand: number }>(`select l."onHand" from "StockLevel" l join "ProductVariant" v on v."id" = l."variantId"
    join "Warehouse" w on w."id" = l."warehouseId" where v."sku" = '${a!.sku}' and w."code" = '${a!.code}'`);
  expect(rows[0]!.onHand).toBe(a!.onHand + 5);

  // 3. The same file with the same reference again: the preview says it was applied, and there is nothing to apply.
  await page.getByRole("button", { name: "Check file" }).click();
  await expect(page.getByTestId("prior-upload")).toContainText("already applied as “E2E-COUNT-1”");
  await expect(page.getByRole("button", { name: /^Apply/ })).toBeDisabled();
  await expect(page.getByText("Nothing to apply.")).toBeVisible();

  // 4. A refused apply (sent straight to the route) shows up in the history with its error report.
  const refused = await page.request.post("/api/admin/bulk/apply?reference=E2E-BAD&filename=bad.csv", {
    data: "sku,warehouse,quantity,mode\n=CMD(),MAIN,1,set\n",
    headers: { "content-type": "text/csv", origin: E2E_BASE_URL },
  });
  expect((await refused.json()).status).toBe("FAILED");

  await page.getByRole("link", { name: "Upload history" }).click();
  const history = page.getByTestId("bulk-history");
  await expect(history.getByRole("row").filter({ hasText: "E2E-COUNT-1" })).toContainText("Applied");
  const bad = history.getByRole("row").filter({ hasText: "E2E-BAD" });
  await expect(bad).toContainText("Refused");
  await expect(bad).toContainText("ops@stockroom.test");
  const [report] = await Promise.all([page.waitForEvent("download"), bad.getByRole("link", { name: /errors, download report/ }).click()]);
  const reportText = await (await report.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
  expect(reportText).toBe(`line,sku,warehouse,message\r\n2,"'=CMD()",MAIN,"unknown sku ""=CMD()"""\r\n`);
  await page.screenshot({ path: path.join(__dirname, "artifacts", "bulk-history.png"), fullPage: true });
});

test("the stock export downloads every level in the upload format", async ({ page }) => {
  await signInAs(page, "ops");
  await page.goto("/admin/bulk");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export current stock" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^stock-levels-.*\.csv$/);
  const text = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
  const lines = text.trim().split("\r\n");
  expect(lines[0]).toBe("sku,warehouse,quantity,mode");
  const { rows } = await query<{ count: string }>(`select count(*) from "StockLevel"`);
  expect(lines).toHaveLength(Number(rows[0]!.count) + 1);
  expect(lines[1]).toMatch(/^[^,]+,[A-Z]+,\d+,set$/);
});
