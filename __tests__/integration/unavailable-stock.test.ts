import { randomUUID } from "node:crypto";
import { describe, expect, it } from "@jest/globals";
import { db } from "@/lib/db";
import {
  commitReservation, fulfilOrder, getStockInfo, receiveReturn, releaseSetAside, reserveStock, setAsideStock, unavailableBreakdown, verifyLedger,
} from "@/lib/inventory";
import { createStockedVariant, freshWarehousesPerTest, putInCart, sessionId } from "../helpers/fixtures";

const warehouses = freshWarehousesPerTest();
const actor = "qc@stockroom.test";

describe("unavailable stock with a reason", () => {
  it("sets free units aside for quality control or as damaged, then restocks or writes them off", async () => {
    const v = await createStockedVariant([warehouses.main], { stock: { MAIN: 10 } });
    const common = { variantId: v.variantId, warehouseId: warehouses.main.id, actor };
    await setAsideStock({ ...common, quantity: 3, reason: "QUALITY_CONTROL", notes: "stitching check" });
    await setAsideStock({ ...common, quantity: 2, reason: "DAMAGED" });
    expect(await getStockInfo({ productId: v.productId })).toMatchObject({ onHand: 10, unavailable: 5, available: 5 });
    expect(await unavailableBreakdown(v.variantId)).toEqual([
      { warehouseId: warehouses.main.id, reason: "QUALITY_CONTROL", units: 3 },
      { warehouseId: warehouses.main.id, reason: "DAMAGED", units: 2 },
      ]);

    await releaseSetAside({ ...common, quantity: 3, reason: "QUALITY_CONTROL", disposition: "restock" });
    await releaseSetAside({ ...common, quantity: 2, reason: "DAMAGED", disposition: "write_off" });
    expect(await getStockInfo({ productId: v.productId })).toMatchObject({ onHand: 8, unavailable: 0, available: 8 });
    expect(await unavailableBreakdown(v.variantId)).toEqual([]);
    expect((await verifyLedger()).ok).toBe(true);
  });

  it("refuses to set aside held or committed units, or to release more than is set aside for that reason, writing nothing", async () => {
    const v = await createStockedVariant([warehouses.main], { stock: { MAIN: 5 } });
    const common = { variantId: v.variantId, warehouseId: warehouses.main.id, actor };
    const cart = sessionId();
    await putInCart({ variantId: v.variantId, sessionId: cart, quantity: 2 });
    await commitReservation({ sessionId: cart, orderId: randomUUID(), customer: { email: "a@b.co", name: "A" } });
    await reserveStock({ variantId: v.variantId, sessionId: sessionId(), quantity: 1 });
    const before = await db.inventoryMovement.count();
    await expect(setAsideStock({ ...common, quantity: 3, reason: "DAMAGED" })).rejects.toMatchObject({ code: "NEGATIVE_STOCK", details: { free: 2 } });
    await expect(releaseSetAside({ ...common, quantity: 1, reason: "DAMAGED", disposition: "restock" })).rejects.toMatchObject({ code: "NEGATIVE_STOCK", details: { setAside: 0 } });
    await expect(setAsideStock({ ...common, quantity: 1, reason: "RETURN_INSPECTION" as "DAMAGED" })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(setAsideStock({ ...common, warehouseId: warehouses.east.id, quantity: 1, reason: "DAMAGED" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.inventoryMovement.count()).toBe(before);
  });

  it("keeps returns awaiting inspection apart from other reasons in the breakdown and the ledger check", async () => {
    const v = await createStockedVariant([warehouses.main], { stock: { MAIN: 6 } });
    const cart = sessionId();
    await putInCart({ variantId: v.variantId, sessionId: cart, quantity: 2 });
    const { orderId } = await commitReservation({ sessionId: cart, orderId: randomUUID(), customer: { email: "a@b.co", name: "A" } });
    await fulfilOrder({ eventId: randomUUID(), orderId, actor });
    const line = await db.orderLine.findFirstOrThrow({ where: { orderId } });
    await receiveReturn({ eventId: randomUUID(), orderId, lines: [{ orderLineId: line.id, quantity: 1 }], refundCents: 0, actor });
    await setAsideStock({ variantId: v.variantId, warehouseId: warehouses.main.id, quantity: 1, reason: "QUALITY_CONTROL", actor });
    expect(await unavailableBreakdown(v.variantId)).toEqual([
      { warehouseId: warehouses.main.id, reason: "RETURN_INSPECTION", units: 1 },
      { warehouseId: warehouses.main.id, reason: "QUALITY_CONTROL", units: 1 },
      ]);
    expect(await getStockInfo({ productId: v.productId })).toMatchObject({ onHand: 5, unavailable: 2, available: 3 });
    expect((await verifyLedger()).ok).toBe(true);
  });
});

describe("set-aside actions (OPS and up)", () => {
  it("sets aside and releases through the real actions, attributing the movement, and refuses bad input inline", async () => {
    const { setAsideStockAction, releaseSetAsideAction } = await import("@/app/actions/inventory");
    const { contextFor, createStaff } = await import("../helpers/admin-users");
    const { callerContext } = await import("../helpers/fixtures");
    const staff = await createStaff();
    const v = await createStockedVariant([warehouses.main], { stock: { MAIN: 4 } });
    const base = { variantId: v.variantId, warehouseId: warehouses.main.id };
    expect(await setAsideStockAction.runWithContext(contextFor(staff.ops), { ...base, quantity: "2", reason: "QUALITY_CONTROL", notes: "" })).toMatchObject({ ok: true });
    const bad = await setAsideStockAction.runWithContext(contextFor(staff.ops), { ...base, quantity: "0", reason: "LOST" });
    expect(bad).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { quantity: expect.any(Array), reason: expect.any(Array) } } });
    const tooMany = await releaseSetAsideAction.runWithContext(contextFor(staff.ops), { ...base, quantity: "3", reason: "QUALITY_CONTROL", disposition: "restock" });
    expect(tooMany).toMatchObject({ ok: false, error: { code: "NEGATIVE_STOCK" } });
    const anonymous = await setAsideStockAction.runWithContext(callerContext().context, { ...base, quantity: "1", reason: "DAMAGED" });
    expect(anonymous).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    expect(await releaseSetAsideAction.runWithContext(contextFor(staff.ops), { ...base, quantity: "2", reason: "QUALITY_CONTROL", disposition: "write_off" })).toMatchObject({ ok: true });
    const moves = await db.inventoryMovement.findMany({ where: { variantId: v.variantId, unavailableReason: { not: null } }, orderBy: { id: "asc" }, select: { type: true, createdBy: true, quantity: true } });
    expect(moves).toEqual([
      { type: "SET_ASIDE", createdBy: staff.ops.email, quantity: 0 },
      { type: "WRITE_OFF", createdBy: staff.ops.email, quantity: -2 },
    ]);
    expect(await getStockInfo({ productId: v.productId })).toMatchObject({ onHand: 2, unavailable: 0 });
  });
});
