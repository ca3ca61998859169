import { describe, expect, it } from "@jest/globals";
import { GET } from "@/app/api/admin/search/route";
import { searchAdmin } from "@/lib/admin/search";
import { createStockedVariant, freshWarehousesPerTest } from "../helpers/fixtures";

const wh = freshWarehousesPerTest();

describe("admin search (command palette)", () => {
  it("finds variants by SKU, SKU prefix first, and by product name", async () => {
    const a = await createStockedVariant([wh.main]);
    const b = await createStockedVariant([wh.main]);
    const bySku = await searchAdmin(a.sku.toLowerCase());
    expect(bySku[0]).toMatchObject({ kind: "variant", id: a.variantId, sku: a.sku, href: `/admin/inventory/${a.variantId}` });
    const byName = await searchAdmin("product");
    expect(byName.map((h) => h.id)).toEqual(expect.arrayContaining([a.variantId, b.variantId]));
    expect(await searchAdmin("nothing-like-this")).toEqual([]);
  });

  it("refuses anonymous callers with a JSON 401", async () => {
    const anonymous = await GET(new Request("http://localhost/api/admin/search?q=TEE"));
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
  });
});
