import { describe, expect, it } from "@jest/globals";
import { db } from "@/lib/db";
import { listCatalogue } from "@/lib/store/catalogue";
import { createStockedVariant, freshWarehousesPerTest } from "../helpers/fixtures";

// "In stock only" means ships now. A pre-order (not released, no stock) is not
// in stock and is labelled "Pre-order"; a backorder is labelled "Backorder".

const warehouses = freshWarehousesPerTest();
const all = { q: "", category: "", page: 1 } as const;

describe("catalogue availability", () => {
  it("leaves pre-orders and backorders out of 'In stock only' and labels them", async () => {
    const stocked = await createStockedVariant([warehouses.main], { stock: { MAIN: 4 } });
    const preorder = await createStockedVariant([warehouses.main], { policy: "PREORDER", backorderLimit: 50 });
    const preorderArrived = await createStockedVariant([warehouses.main], { policy: "PREORDER", backorderLimit: 50, stock: { MAIN: 3 } });
    const backorder = await createStockedVariant([warehouses.main], { policy: "BACKORDER", backorderLimit: 20 });
    const soldOut = await createStockedVariant([warehouses.main], { stock: { MAIN: 0 } });

    const filtered = await listCatalogue({ ...all, inStock: true });
    expect(filtered.products.map((p) => p.id)).toEqual([stocked.productId]);
    expect(filtered.total).toBe(1);

    const cards = new Map((await listCatalogue({ ...all, inStock: false })).products.map((p) => [p.id, p]));
    expect(cards.size).toBe(5);
    expect(cards.get(stocked.productId)).toMatchObject({ inStock: 4, preorder: false, backorder: false });
    expect(cards.get(preorder.productId)).toMatchObject({ inStock: 0, preorder: true, backorder: false });
    // Units of a pre-order that arrived early are still sold as a pre-order, not as stock.
    expect(cards.get(preorderArrived.productId)).toMatchObject({ inStock: 0, preorder: true, available: 3 });
    expect(cards.get(backorder.productId)).toMatchObject({ inStock: 0, preorder: false, backorder: true });
    expect(cards.get(soldOut.productId)).toMatchObject({ inStock: 0, preorder: false, backorder: false });
  });

  it("a product with a released variant in stock stays listed though another variant is a pre-order", async () => {
    const stocked = await createStockedVariant([warehouses.main], { stock: { MAIN: 2 } });
    await db.productVariant.create({ data: { productId: stocked.productId, sku: "PRE-2", title: "Next season", inventoryPolicy: "PREORDER", backorderLimit: 10 } });
    const filtered = await listCatalogue({ ...all, inStock: true });
    expect(filtered.products).toEqual([expect.objectContaining({ id: stocked.productId, inStock: 2, preorder: true })]);
  });
});
