import { db } from "@/lib/db";
import { applyBulkUpload, previewBulkUpload } from "@/lib/bulk/upload";
import { eventBus, type StockEvent } from "@/lib/events";
import { getStockInfo, verifyLedger } from "@/lib/inventory";
import { createStockedVariant, freshWarehousesPerTest } from "../helpers/fixtures";
import { counts, csv, csvSource, onHand, opsUser } from "../helpers/bulk";

const wh = freshWarehousesPerTest();

const preview = (text: string) => previewBulkUpload({ source: csvSource(text), request: { filename: "stock.csv" } });
const apply = (text: string, reference = "COUNT-1") =>
  applyBulkUpload({ source: csvSource(text), request: { filename: "stock.csv", reference }, user: opsUser });

describe("preview", () => {
  it("shows current → new on-hand and totals, and writes nothing", async () => {
    const a = await createStockedVariant([wh.main, wh.east], { stock: { MAIN: 10, EAST: 4 } });
    const b = await createStockedVariant([wh.main], { stock: { MAIN: 7 } });
    const before = await counts();
    const result = await preview(csv([
      "sku,warehouse,quantity,mode",
      `${a.sku},MAIN,25,set`,
      `${a.sku},east,3,increment`,
      `${b.sku},MAIN,2,decrement`,
      `${b.sku},EAST,0,set`,
    ]));
    expect(result.errors).toEqual([]);
    expect(result.changes).toEqual([
      { line: 2, sku: a.sku, warehouse: "MAIN", mode: "set", quantity: 25, onHand: 10, newOnHand: 25 },
      { line: 3, sku: a.sku, warehouse: "EAST", mode: "increment", quantity: 3, onHand: 4, newOnHand: 7 },
      { line: 4, sku: b.sku, warehouse: "MAIN", mode: "decrement", quantity: 2, onHand: 7, newOnHand: 5 },
    ]);
    expect(result.totals).toEqual({ rows: 4, validRows: 4, errorRows: 0, changedRows: 3, unchangedRows: 1, unitsAdded: 18, unitsRemoved: 2 });
    expect(await counts()).toEqual(before);
    expect(await onHand(a.variantId, wh.main.id)).toBe(10);
  });

  it("reports every row problem with its line number", async () => {
    const a = await createStockedVariant([wh.main], { stock: { MAIN: 3 } });
    const b = await createStockedVariant([wh.main], { stock: { MAIN: 3 } });
    const result = await preview(csv([
      "sku,warehouse,quantity,mode",
      "NOPE-1,MAIN,5,set",
      `${a.sku},MOON,5,set`,
      `${a.sku},MAIN,1.5,set`,
      `${a.sku},MAIN,2000000,set`,
      `${a.sku},MAIN,-3,set`,
      `${a.sku},MAIN,4,replace`,
      `${b.sku},MAIN,5,decrement`,
      `${b.sku},EAST,1,decrement`,
      `${a.sku},MAIN,1,increment`,
      `${a.sku},MAIN,2,increment`,
      `,MAIN,1,set`,
    ]));
    const byLine = Object.fromEntries(result.errors.map((e) => [e.line, e.message]));
    expect(byLine[2]).toBe('unknown sku "NOPE-1"');
    expect(byLine[3]).toBe('unknown warehouse "MOON"');
    expect(byLine[4]).toBe("quantity must be a whole number");
    expect(byLine[5]).toBe("quantity must be at most 1,000,000");
    expect(byLine[6]).toBe("quantity cannot be negative (use mode decrement)");
    expect(byLine[7]).toBe("mode must be one of set, increment, decrement");
    expect(byLine[8]).toBe("decrement of 5 would take on-hand below zero (on hand: 3)");
    expect(byLine[9]).toMatch(/not stocked in that warehouse/);
    expect(byLine[10]).toBe("appears more than once (same sku and warehouse)");
    expect(byLine[11]).toBe("duplicate of line 10 (same sku and warehouse)");
    expect(byLine[12]).toBe("sku is required");
    expect(result.totals).toMatchObject({ rows: 11, errorRows: 11, validRows: 0, changedRows: 0 });
  });
});

describe("apply", () => {
  it("changes stock in one go with one movement per changed row, the upload reference and the user", async () => {
    const a = await createStockedVariant([wh.main, wh.east], { stock: { MAIN: 10, EAST: 4 } });
    const b = await createStockedVariant([wh.main], { stock: { MAIN: 7 } });
    await db.stockLevel.update({ where: { variantId_warehouseId: { variantId: a.variantId, warehouseId: wh.east.id } }, data: { incoming: 5 } });
    const result = await apply(csv([
      "sku,warehouse,quantity,mode,reference,notes",
      `${a.sku},MAIN,25,set,,stock count`,
      `${a.sku},EAST,3,increment,PO-77,`,
      `${b.sku},MAIN,2,decrement,,broken`,
      `${b.sku},MAIN,0,set,,`.replace(`${b.sku},MAIN`, `${b.sku},EAST`),
    ]), "COUNT-2026-11");
    expect(result.status).toBe("APPLIED");
    expect(result.totals.changedRows).toBe(3);
    expect(await onHand(a.variantId, wh.main.id)).toBe(25);
    expect(await onHand(a.variantId, wh.east.id)).toBe(7);
    expect(await onHand(b.variantId, wh.main.id)).toBe(5);
    const level = await db.stockLevel.findUniqueOrThrow({ where: { variantId_warehouseId: { variantId: a.variantId, warehouseId: wh.east.id } } });
    expect(level.incoming).toBe(2);
    const movements = await db.inventoryMovement.findMany({ where: { reference: "COUNT-2026-11" }, orderBy: { id: "asc" } });
    expect(movements.map((m) => [m.type, m.quantity, m.notes, m.createdBy])).toEqual([
      ["ADJUSTMENT", 15, "stock count", "ops@stockroom.test"],
      ["PURCHASE_ORDER", 3, "ref PO-77", "ops@stockroom.test"],
      ["ADJUSTMENT", -2, "broken", "ops@stockroom.test"],
    ]);
    const upload = await db.bulkUpload.findUniqueOrThrow({ where: { reference: "COUNT-2026-11" } });
    expect(upload).toMatchObject({ status: "APPLIED", rowCount: 4, changedRows: 3, createdBy: "ops@stockroom.test", filename: "stock.csv" });
    expect((await verifyLedger()).ok).toBe(true);
  });

  it("refuses the whole file when any row is wrong, records the failure, and writes no stock", async () => {
    const a = await createStockedVariant([wh.main], { stock: { MAIN: 10 } });
    const before = await counts();
    const result = await apply(csv(["sku,warehouse,quantity,mode", `${a.sku},MAIN,50,set`, "GHOST,MAIN,1,set"]), "BAD-1");
    expect(result.status).toBe("FAILED");
    expect(result.errors).toEqual([{ line: 3, sku: "GHOST", warehouse: "MAIN", message: 'unknown sku "GHOST"' }]);
    expect(await onHand(a.variantId, wh.main.id)).toBe(10);
    const after = await counts();
    expect(after.movements).toBe(before.movements);
    const upload = await db.bulkUpload.findUniqueOrThrow({ where: { reference: "BAD-1" } });
    expect(upload.status).toBe("FAILED");
    expect(upload.errors).toEqual(result.errors);

    // The same reference can be used again once the file is fixed.
    const fixed = await apply(csv(["sku,warehouse,quantity,mode", `${a.sku},MAIN,50,set`]), "BAD-1");
    expect(fixed.status).toBe("APPLIED");
    expect(await onHand(a.variantId, wh.main.id)).toBe(50);
    expect(await db.bulkUpload.count()).toBe(1);
  });

  it("creates the stock level when a set or increment names a warehouse the sku was not stocked in", async () => {
    const a = await createStockedVariant([wh.main], { stock: { MAIN: 1 } });
    const result = await apply(csv(["sku,warehouse,quantity,mode", `${a.sku},EAST,12,set`]));
    expect(result.status).toBe("APPLIED");
    expect(await onHand(a.variantId, wh.east.id)).toBe(12);
    expect((await verifyLedger()).ok).toBe(true);
  });

  it("reports variants that end at or below their low-stock threshold", async () => {
    const a = await createStockedVariant([wh.main], { stock: { MAIN: 40 } });
    const b = await createStockedVariant([wh.main], { stock: { MAIN: 40 } });
    await db.lowStockAlert.create({ data: { variantId: b.variantId, threshold: 20 } });
    const result = await apply(csv(["sku,warehouse,quantity,mode", `${a.sku},MAIN,2,set`, `${b.sku},MAIN,15,set`]));
    expect(result.lowStock).toEqual([
      { variantId: a.variantId, sku: a.sku, available: 2, threshold: 5 },
      { variantId: b.variantId, sku: b.sku, available: 15, threshold: 20 },
    ]);
  });

  it("publishes stock events and serves fresh stock reads after commit", async () => {
    const a = await createStockedVariant([wh.main], { stock: { MAIN: 8 } });
    expect((await getStockInfo({ productId: a.productId, variantId: a.variantId })).available).toBe(8); // warms the cache
    const received: StockEvent[] = [];
    const unsubscribe = eventBus().subscribe((event) => received.push(event));
    try {
      await new Promise((r) => setTimeout(r, 200)); // subscription handshake
      await apply(csv(["sku,warehouse,quantity,mode", `${a.sku},MAIN,3,set`]), "EVENTS-1");
      expect((await getStockInfo({ productId: a.productId, variantId: a.variantId })).available).toBe(3);
      const deadline = Date.now() + 2_000;
      while (!received.some((e) => e.variantId === a.variantId) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(received.find((e) => e.variantId === a.variantId)).toMatchObject({ type: "stock.changed", productId: a.productId, available: 3 });
    } finally {
      unsubscribe();
    }
  });
});
