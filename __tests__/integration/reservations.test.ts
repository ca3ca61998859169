import { describe, expect, it } from "@jest/globals";
import { db } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import {
  InsufficientStockError,
  InventoryError,
  getStockInfo,
  releaseReservation,
  reserveStock,
  sweepExpiredHolds,
  verifyLedger,
} from "@/lib/inventory";
import { createStockedVariant, expireHolds, freshWarehousesPerTest, sessionId } from "../helpers/fixtures";

const warehouses = freshWarehousesPerTest();

const both = () => [warehouses.main, warehouses.east];

async function movements(variantId: string, type: "RESERVATION" | "RELEASE") {
  return db.inventoryMovement.findMany({ where: { variantId, type }, select: { quantity: true, reservedDelta: true, notes: true } });
}

describe("reserveStock", () => {
  it("holds stock, lowers availability and writes a RESERVATION movement", async () => {
    const v = await createStockedVariant(both(), { stock: { MAIN: 10 } });
    const cart = sessionId();
    const result = await reserveStock({ variantId: v.variantId, sessionId: cart, quantity: 3 });
    expect(result.held).toBe(3);
    expect(result.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    const info = await getStockInfo({ productId: v.productId, variantId: v.variantId });
    expect(info).toMatchObject({ available: 7, reserved: 3, onHand: 10 });
    expect(await movements(v.variantId, "RESERVATION")).toEqual([{ quantity: 0, reservedDelta: 3, notes: "added to cart" }]);
    expect((await verifyLedger()).ok).toBe(true);
  });

  it("is idempotent: setting the same quantity twice keeps one hold and extends it", async () => {
    const v = await createStockedVariant(both(), { stock: { MAIN: 10 } });
    const cart = sessionId();
    const first = await reserveStock({ variantId: v.variantId, sessionId: cart, quantity: 2, ttlSeconds: 60 });
    const second = await reserveStock({ variantId: v.variantId, sessionId: cart, quantity: 2, ttlSeconds: 600 });
    expect(second.held).toBe(2);
    expect(second.expiresAt!.getTime()).toBeGreaterThan(first.expiresAt!.getTime());
    const holds = await db.stockReservation.findMany({ where: { sessionId: cart } });
    expect(holds).toHaveLength(1);
    expect(holds[0]!.quantity).toBe(2);
    expect(holds[0]!.expiresAt.getTime()).toBe(second.expiresAt!.getTime());
    expect(await movements(v.variantId, "RESERVATION")).toHaveLength(1);
  });

  it("lowers and releases a hold with RELEASE movements", async () => {
    const v = await createStockedVariant(both(), { stock: { MAIN: 10 } });
    const cart = sessionId();
    await reserveStock({ variantId: v.variantId, sessionId: cart, quantity: 5 });
    await reserveStock({ variantId: v.variantId, sessionId: cart, quantity: 2 });
    expect((await getStockInfo({ productId: v.productId })).available).toBe(8);
    await releaseReservation({ sessionId: cart });
    expect((await getStockInfo({ productId: v.productId })).available).toBe(10);
    expect(await movements(v.variantId, "RELEASE")).toEqual([
      { quantity: 0, reservedDelta: -3, notes: "cart quantity lowered" },
      { quantity: 0, reservedDelta: -2, notes: "cart quantity lowered" },
    ]);
    expect(await db.stockReservation.count()).toBe(0);
    expect((await verifyLedger()).ok).toBe(true);
  });

  it("refuses more than is free with a typed error that says how many, leaving the hold as it was", async () => {
    const v = await createStockedVariant(both(), { stock: { MAIN: 4 }, safetyStock: 1 });
    const cart = sessionId();
    await reserveStock({ variantId: v.variantId, sessionId: cart, quantity: 1 });
    const error = await reserveStock({ variantId: v.variantId, sessionId: cart, quantity: 5 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InsufficientStockError);
    expect((error as InsufficientStockError).available).toBe(3); // 4 on hand − 1 safety stock
    expect((error as InsufficientStockError).message).toBe("Only 3 available");
    expect((await db.stockReservation.findFirst({ where: { sessionId: cart } }))!.quantity).toBe(1);
  });

  it("splits a hold across warehouses, most free stock first", async () => {
    const v = await createStockedVariant(both(), { stock: { MAIN: 3, EAST: 4 } });
    const cart = sessionId();
    await reserveStock({ variantId: v.variantId, sessionId: cart, quantity: 6 });
    const holds = await db.stockReservation.findMany({ where: { sessionId: cart }, select: { warehouseId: true, quantity: true } });
    expect(holds).toEqual(
      expect.arrayContaining([
        { warehouseId: warehouses.east.id, quantity: 4 },
        { warehouseId: warehouses.main.id, quantity: 2 },
      ]),
    );
    expect((await getStockInfo({ productId: v.productId })).available).toBe(1);
  });

  it("admits backorders down to the variant's limit and no further", async () => {
    const v = await createStockedVariant(both(), { stock: { MAIN: 2 }, policy: "BACKORDER", backorderLimit: 3 });
    await reserveStock({ variantId: v.variantId, sessionId: sessionId(), quantity: 4 });
    const error = await reserveStock({ variantId: v.variantId, sessionId: sessionId(), quantity: 2 }).catch((e: unknown) => e);
    expect((error as InsufficientStockError).available).toBe(1);
    await reserveStock({ variantId: v.variantId, sessionId: sessionId(), quantity: 1 });
    const info = await getStockInfo({ productId: v.productId });
    expect(info).toMatchObject({ available: 0, orderable: 0, backorderAllowed: true, reserved: 5 });
  });

  it("stops counting an expired hold at once, releasing it with a RELEASE movement", async () => {
    const v = await createStockedVariant(both(), { stock: { MAIN: 2 } });
    const early = sessionId();
    await reserveStock({ variantId: v.variantId, sessionId: early, quantity: 2 });
    await expect(reserveStock({ variantId: v.variantId, sessionId: sessionId(), quantity: 1 })).rejects.toThrow(InsufficientStockError);
    await expireHolds(early);
    expect((await getStockInfo({ productId: v.productId })).available).toBe(2); // reads ignore it before any sweep
    await reserveStock({ variantId: v.variantId, sessionId: sessionId(), quantity: 2 });
    expect(await db.stockReservation.count({ where: { sessionId: early } })).toBe(0);
    expect(await movements(v.variantId, "RELEASE")).toEqual([{ quantity: 0, reservedDelta: -2, notes: "hold expired" }]);
    expect((await verifyLedger()).ok).toBe(true);
  });

  it("sweeps expired holds in the background", async () => {
    const v = await createStockedVariant(both(), { stock: { MAIN: 5 } });
    const cart = sessionId();
    await reserveStock({ variantId: v.variantId, sessionId: cart, quantity: 3 });
    await expireHolds(cart);
    expect(await sweepExpiredHolds()).toEqual({ variants: 1, released: 1 });
    const level = await db.stockLevel.findFirstOrThrow({ where: { variantId: v.variantId, warehouseId: warehouses.main.id } });
    expect(level.reserved).toBe(0);
    expect(await sweepExpiredHolds()).toEqual({ variants: 0, released: 0 });
    expect((await verifyLedger()).ok).toBe(true);
  });

  it.each([
    ["a negative quantity", { quantity: -1 }, "quantity"],
    ["a fractional quantity", { quantity: 1.5 }, "quantity"],
    ["a huge quantity", { quantity: 1_000_000 }, "quantity"],
    ["a malformed variant id", { variantId: "1; drop table" }, "variantId"],
    ["a malformed session id", { sessionId: "short" }, "sessionId"],
  ])("rejects %s with a VALIDATION error and writes nothing", async (_label, override, field) => {
    const v = await createStockedVariant(both(), { stock: { MAIN: 5 } });
    const input = { variantId: v.variantId, sessionId: sessionId(), quantity: 1, ...override };
    const error = (await reserveStock(input).catch((e: unknown) => e)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.code).toBe("VALIDATION");
    expect(Object.keys(error.fieldErrors ?? {})).toEqual([field]);
    expect(await db.stockReservation.count()).toBe(0);
  });

  it("answers NOT_FOUND for an unknown variant", async () => {
    const error = (await reserveStock({ variantId: "00000000-0000-4000-8000-000000000000", sessionId: sessionId(), quantity: 1 }).catch(
      (e: unknown) => e,
    )) as InventoryError;
    expect(error.code).toBe("NOT_FOUND");
  });
});
