import { describe, expect, it } from "@jest/globals";
import { rowBreakdown } from "@/lib/admin/available-breakdown";
import { listInventory, parseInventoryQuery } from "@/lib/admin/inventory-table";
import { getStockInfo, reserveStock } from "@/lib/inventory";
import { createStockedVariant, freshWarehousesPerTest, sessionId } from "../helpers/fixtures";

// The inventory table carries safety stock, and its breakdown of available
// closes: on hand − the terms = available, for the figures getStockInfo gives.

const wh = freshWarehousesPerTest();

describe("inventory table breakdown", () => {
  it("has a safety-stock column and explains available = on hand − carts − safety stock", async () => {
    const v = await createStockedVariant([wh.main, wh.east], { stock: { MAIN: 6, EAST: 4 }, safetyStock: 1 });
    await reserveStock({ variantId: v.variantId, sessionId: sessionId(), quantity: 3 });
    const info = await getStockInfo({ productId: v.productId, variantId: v.variantId });
    const row = (await listInventory(parseInventoryQuery({}))).rows.find((r) => r.id === v.variantId)!;
    expect(row).toMatchObject({ on_hand: 10, reserved: 3, safety_stock: 2, available: info.available });
    const breakdown = rowBreakdown(row);
    expect(breakdown.terms.map((t) => [t.key, t.value])).toEqual([["reserved", 3], ["safetyStock", 2]]);
    expect(breakdown.available).toBe(10 - 3 - 2);
  });

  it("per warehouse, the figures and the breakdown are that warehouse's", async () => {
    const v = await createStockedVariant([wh.main, wh.east], { stock: { MAIN: 1, EAST: 4 }, safetyStock: 2 });
    const row = (await listInventory(parseInventoryQuery({ warehouse: wh.main.id }))).rows.find((r) => r.id === v.variantId)!;
    expect(row).toMatchObject({ on_hand: 1, safety_stock: 2, available: 0 });
    // Only 1 of the 2 configured units is held back: safety stock never makes a level negative.
    expect(rowBreakdown(row).terms).toEqual([expect.objectContaining({ key: "safetyStock", value: 1 })]);
  });
});
