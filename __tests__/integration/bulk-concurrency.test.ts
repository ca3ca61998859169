import { db } from "@/lib/db";
import { applyBulkUpload, previewBulkUpload } from "@/lib/bulk/upload";
import { InsufficientStockError, reserveStock, verifyLedger } from "@/lib/inventory";
import { createStockedVariant, expireHolds, freshWarehousesPerTest, sessionId } from "../helpers/fixtures";
import { csv, csvSource, onHand, opsUser } from "../helpers/bulk";

const wh = freshWarehousesPerTest();

const apply = (text: string, reference: string) => applyBulkUpload({ source: csvSource(text), request: { filename: "s.csv", reference }, user: opsUser });

describe("idempotency", () => {
  it("applies the same file with the same reference once, and says so the second time", async () => {
    const a = await createStockedVariant([wh.main], { stock: { MAIN: 10 } });
    const file = csv(["sku,warehouse,quantity,mode", `${a.sku},MAIN,4,increment`]);
    const first = await apply(file, "PO-900");
    const second = await apply(file, "PO-900");
    expect(first.status).toBe("APPLIED");
    expect(second).toMatchObject({ status: "ALREADY_APPLIED", uploadId: first.uploadId, appliedBy: "ops@stockroom.test" });
    expect(await onHand(a.variantId, wh.main.id)).toBe(14);
    expect(await db.inventoryMovement.count({ where: { reference: "PO-900" } })).toBe(1);
  });

  it("refuses a different file under a reference that was already applied", async () => {
    const a = await createStockedVariant([wh.main], { stock: { MAIN: 10 } });
    await apply(csv(["sku,warehouse,quantity,mode", `${a.sku},MAIN,4,increment`]), "PO-901");
    const error = await apply(csv(["sku,warehouse,quantity,mode", `${a.sku},MAIN,5,increment`]), "PO-901").catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/^Reference "PO-901" was already used for a different file/) });
    expect(await onHand(a.variantId, wh.main.id)).toBe(14);
  });

  it("applies once when the same upload is sent twice at the same moment", async () => {
    const a = await createStockedVariant([wh.main], { stock: { MAIN: 10 } });
    const file = csv(["sku,warehouse,quantity,mode", `${a.sku},MAIN,3,decrement`]);
    const results = await Promise.all([apply(file, "DUP-1"), apply(file, "DUP-1"), apply(file, "DUP-1")]);
    expect(results.map((r) => r.status).sort()).toEqual(["ALREADY_APPLIED", "ALREADY_APPLIED", "APPLIED"]);
    expect(await onHand(a.variantId, wh.main.id)).toBe(7);
    expect(await db.bulkUpload.count()).toBe(1);
  });
});

describe("concurrent uploads", () => {
  it("apply both, one after the other, when they touch the same levels (new ones included) in different orders", async () => {
    const variants = await Promise.all(Array.from({ length: 10 }, () => createStockedVariant([wh.main], { stock: { MAIN: 10 } })));
    const rows = variants.flatMap((v) => [`${v.sku},MAIN,1,increment`, `${v.sku},EAST,2,increment`]);
    const [a, b] = await Promise.all([
      apply(csv(["sku,warehouse,quantity,mode", ...rows]), "PAR-A"),
      apply(csv(["sku,warehouse,quantity,mode", ...[...rows].reverse()]), "PAR-B"),
    ]);
    expect([a.status, b.status]).toEqual(["APPLIED", "APPLIED"]);
    for (const v of variants) {
      expect(await onHand(v.variantId, wh.main.id)).toBe(12);
      expect(await onHand(v.variantId, wh.east.id)).toBe(4);
    }
    expect((await verifyLedger()).ok).toBe(true);
  });
});

describe("live reservations", () => {
  it("refuses to set on-hand below units held for carts, and says the least it may be", async () => {
    const a = await createStockedVariant([wh.main], { stock: { MAIN: 10 } });
    await reserveStock({ variantId: a.variantId, sessionId: sessionId(), quantity: 6 });
    const result = await apply(csv(["sku,warehouse,quantity,mode", `${a.sku},MAIN,4,set`]), "COUNT-R1");
    expect(result.status).toBe("FAILED");
    expect(result.errors[0]!.message).toBe("on-hand 4 would be below the 6 units held for carts, committed to orders or unavailable; use at least 6");
    expect(await onHand(a.variantId, wh.main.id)).toBe(10);
    const ok = await apply(csv(["sku,warehouse,quantity,mode", `${a.sku},MAIN,6,set`]), "COUNT-R2");
    expect(ok.status).toBe("APPLIED");
    expect(await onHand(a.variantId, wh.main.id)).toBe(6);
  });

  it("does not count expired holds, and lets backorder variants go down to their allowance", async () => {
    const a = await createStockedVariant([wh.main], { stock: { MAIN: 10 } });
    const session = sessionId();
    await reserveStock({ variantId: a.variantId, sessionId: session, quantity: 8 });
    await expireHolds(session);
    const b = await createStockedVariant([wh.main], { stock: { MAIN: 10 }, policy: "BACKORDER", backorderLimit: 5 });
    await reserveStock({ variantId: b.variantId, sessionId: sessionId(), quantity: 8 });
    const result = await apply(csv(["sku,warehouse,quantity,mode", `${a.sku},MAIN,1,set`, `${b.sku},MAIN,3,set`]), "COUNT-R3");
    expect(result.errors).toEqual([]);
    expect(result.status).toBe("APPLIED");
    const refused = await previewBulkUpload({ source: csvSource(csv(["sku,warehouse,quantity,mode", `${b.sku},MAIN,1,decrement`])), request: {} });
    expect(refused.errors[0]!.message).toMatch(/on-hand 2 would be below the 8 units held .* use at least 3/);
  });

  it("stays consistent while shoppers reserve the same stock during the apply", async () => {
    const variants = await Promise.all(Array.from({ length: 20 }, () => createStockedVariant([wh.main], { stock: { MAIN: 30 } })));
    const file = csv(["sku,warehouse,quantity,mode", ...variants.map((v) => `${v.sku},MAIN,12,set`)]);
    // 20 shoppers per variant want 1 unit each while the count sets every level to 12.
    const shoppers = variants.flatMap((v) =>
      Array.from({ length: 20 }, () =>
        reserveStock({ variantId: v.variantId, sessionId: sessionId(), quantity: 1 }).then(
          () => 1,
          (error: unknown) => (error instanceof InsufficientStockError ? 0 : Promise.reject(error)),
        ),
      ),
    );
    const [result, ...admitted] = await Promise.all([apply(file, "COUNT-LIVE"), ...shoppers]);
    const levels = await db.stockLevel.findMany({ where: { warehouseId: wh.main.id }, select: { onHand: true, reserved: true } });
    // Either the count won (on-hand 12, and no more than 12 holds each) or holds
    // taken first made it refuse (nothing applied, up to 20 holds each) — never oversold.
    for (const level of levels) expect(level.reserved).toBeLessThanOrEqual(level.onHand);
    if (result.status === "APPLIED") expect(levels.every((l) => l.onHand === 12)).toBe(true);
    else expect(levels.every((l) => l.onHand === 30)).toBe(true);
    const held = await db.stockReservation.aggregate({ _sum: { quantity: true } });
    expect(held._sum.quantity).toBe(admitted.reduce((a, b) => a + b, 0));
    expect((await verifyLedger()).ok).toBe(true);
  });

  it("refuses at apply time a row that a hold taken after the preview made impossible", async () => {
    const a = await createStockedVariant([wh.main], { stock: { MAIN: 10 } });
    const file = csv(["sku,warehouse,quantity,mode", `${a.sku},MAIN,5,decrement`]);
    const preview = await previewBulkUpload({ source: csvSource(file), request: {} });
    expect(preview.errors).toEqual([]);
    await reserveStock({ variantId: a.variantId, sessionId: sessionId(), quantity: 7 });
    const result = await apply(file, "LATE-HOLD");
    expect(result.status).toBe("FAILED");
    expect(result.errors[0]!.message).toMatch(/below the 7 units held/);
    expect(await onHand(a.variantId, wh.main.id)).toBe(10);
  });
});
