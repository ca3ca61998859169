import { describe, expect, it } from "@jest/globals";
import { summarize, type VariantSnapshot } from "@/lib/inventory/availability";

const level = (over: Partial<VariantSnapshot["levels"][number]> = {}) => ({
  warehouseId: "w1", warehouseCode: "MAIN", onHand: 0, reserved: 0, safetyStock: 0, incoming: 0, backordered: 0, committed: 0, unavailable: 0, available: 0, ...over,
});

describe("summarize", () => {
  const variant = (over: Partial<VariantSnapshot>): VariantSnapshot => ({
    variantId: "v", policy: "DENY", backorderLimit: 0, restockDate: null, threshold: 5, levels: [], ...over,
  });

  it("sums warehouses and flags low stock", () => {
    const info = summarize([variant({ levels: [level({ onHand: 2, available: 2 }), level({ warehouseId: "w2", onHand: 1, reserved: 1 })] })]);
    expect(info).toMatchObject({ available: 2, onHand: 3, reserved: 1, lowStock: true, outOfStock: false, backorderAllowed: false });
  });

  it("reports backorder room as orderable while nothing is available", () => {
    const info = summarize([variant({ policy: "BACKORDER", backorderLimit: 10, restockDate: "2026-12-05T00:00:00.000Z", levels: [level({ reserved: 4, available: -4 })] })]);
    expect(info).toMatchObject({ available: 0, orderable: 6, outOfStock: true, backorderAllowed: true, preorder: false, restockDate: "2026-12-05T00:00:00.000Z" });
  });

  it("never lets one warehouse's backorders hide another's free units from the variant total, but nets them", () => {
    const info = summarize([variant({ levels: [level({ onHand: 3, available: 3 }), level({ warehouseId: "w2", backordered: 2, available: -2 })] })]);
    expect(info).toMatchObject({ available: 1, backordered: 2 });
  });

  it("filters to one warehouse", () => {
    const info = summarize([variant({ levels: [level({ onHand: 2 }), level({ warehouseId: "w2", onHand: 7 })] })], "w2");
    expect(info.onHand).toBe(7);
  });
});
