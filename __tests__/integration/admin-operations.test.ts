import { afterAll, beforeEach, describe, expect, it } from "@jest/globals";
import {
  adjustStockAction,
  receiveStockAction,
  recordDamageAction,
  recordReturnAction,
  releaseHoldAction,
  setSafetyStockAction,
  transferStockAction,
  updateVariantSettingsAction,
} from "@/app/actions/inventory";
import type { SessionUser } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { eventBus, type StockEvent } from "@/lib/events";
import { getStockInfo, reserveStock, verifyLedger } from "@/lib/inventory";
import { closeConnections, truncateAll } from "../helpers/db";
import { contextFor, createStaff } from "../helpers/admin-users";
import { createStockedVariant, createWarehouses, sessionId } from "../helpers/fixtures";

// Each admin operation through its real server action (validation, role,
// domain, error mapping): the movements it writes, who they are attributed
// to, and that bad input is refused inline without a partial write.

let staff: { admin: SessionUser; ops: SessionUser };
let main: string;
let east: string;
let v: { productId: string; variantId: string };

beforeEach(async () => {
  await truncateAll();
  staff = await createStaff();
  const w = await createWarehouses();
  main = w.main.id;
  east = w.east.id;
  v = await createStockedVariant([w.main, w.east], { stock: { MAIN: 10 } });
});
afterAll(closeConnections);

const asOps = () => contextFor(staff.ops);
const asAdmin = () => contextFor(staff.admin);

async function movementsBy(email: string) {
  return db.inventoryMovement.findMany({
    where: { createdBy: email },
    orderBy: { id: "asc" },
    select: { type: true, quantity: true, reservedDelta: true, reference: true, notes: true, warehouseId: true },
  });
}

describe("stock operations", () => {
  it("writes one attributed movement per operation (two for a transfer) and keeps the ledger exact", async () => {
    const base = { variantId: v.variantId, warehouseId: main };
    expect((await receiveStockAction.runWithContext(asOps(), { ...base, quantity: "6", reference: "PO-77", notes: "" })).ok).toBe(true);
    expect((await adjustStockAction.runWithContext(asOps(), { ...base, delta: "-2", notes: "cycle count" })).ok).toBe(true);
    expect((await recordReturnAction.runWithContext(asOps(), { ...base, quantity: "1", reference: "RMA-3" })).ok).toBe(true);
    expect((await recordDamageAction.runWithContext(asAdmin(), { ...base, quantity: "2", notes: "crushed" })).ok).toBe(true);
    const transfer = await transferStockAction.runWithContext(asOps(), { variantId: v.variantId, fromWarehouseId: main, toWarehouseId: east, quantity: "4", notes: "rebalance" });
    expect(transfer.ok).toBe(true);
    const reference = transfer.ok ? (transfer.data as { reference: string }).reference : "";
    expect(await movementsBy("ops@stockroom.test")).toEqual([
      { type: "PURCHASE_ORDER", quantity: 6, reservedDelta: 0, reference: "PO-77", notes: null, warehouseId: main },
      { type: "ADJUSTMENT", quantity: -2, reservedDelta: 0, reference: null, notes: "cycle count", warehouseId: main },
      { type: "RETURN", quantity: 1, reservedDelta: 0, reference: "RMA-3", notes: null, warehouseId: main },
      { type: "TRANSFER", quantity: -4, reservedDelta: 0, reference, notes: "rebalance", warehouseId: main },
      { type: "TRANSFER", quantity: 4, reservedDelta: 0, reference, notes: "rebalance", warehouseId: east },
    ]);
    expect(await movementsBy("admin@stockroom.test")).toEqual([{ type: "DAMAGE", quantity: -2, reservedDelta: 0, reference: null, notes: "crushed", warehouseId: main }]);
    expect(await getStockInfo({ productId: v.productId, warehouseId: main })).toMatchObject({ onHand: 9 });
    expect(await getStockInfo({ productId: v.productId, warehouseId: east })).toMatchObject({ onHand: 4 });
    expect(await verifyLedger()).toMatchObject({ ok: true });
  });

  it("the acting user comes from the session, never from the form", async () => {
    await receiveStockAction.runWithContext(asOps(), { variantId: v.variantId, warehouseId: main, quantity: "1", reference: "PO-1", actor: "someone-else", createdBy: "x" });
    expect(await db.inventoryMovement.count({ where: { createdBy: "ops@stockroom.test", type: "PURCHASE_ORDER" } })).toBe(1);
    expect(await db.inventoryMovement.count({ where: { createdBy: { in: ["someone-else", "x"] } } })).toBe(0);
  });

  it.each([
    ["receive without a PO number or quantity", receiveStockAction, { warehouseId: "MAIN", quantity: "", reference: " " }, { quantity: ["enter a quantity"], reference: ["enter the purchase order number"] }],
    ["receive a fractional quantity", receiveStockAction, { quantity: "1.5", reference: "PO-1" }, { quantity: ["must be a whole number"] }],
    ["adjust by zero without a reason", adjustStockAction, { delta: "0", notes: "" }, { delta: ["cannot be zero"], notes: ["say why stock is adjusted"] }],
    ["adjust by text", adjustStockAction, { delta: "ten", notes: "count" }, { delta: ["enter a number"] }],
    ["damage without saying what happened", recordDamageAction, { quantity: "1", notes: "" }, { notes: ["say what happened"] }],
    ["return of zero units", recordReturnAction, { quantity: "0" }, { quantity: ["must be at least 1"] }],
    ["transfer to the same warehouse", transferStockAction, { fromWarehouseId: "@main", toWarehouseId: "@main", quantity: "1" }, { toWarehouseId: ["choose two different warehouses"] }],
    ["adjust with a NUL in the notes", adjustStockAction, { delta: "1", notes: "count\u0000" }, { notes: ["must not contain control characters"] }],
    ["receive with a control character in the PO number", receiveStockAction, { quantity: "1", reference: "PO-\u001b[31m" }, { reference: ["must be one line without control characters"] }],
    ["receive with a line break in the PO number", receiveStockAction, { quantity: "1", reference: "PO-1\nPO-2" }, { reference: ["must be one line without control characters"] }],
  ])("refuses %s with inline field errors and no write", async (_label, action, fields, expected) => {
    const input: Record<string, unknown> = { variantId: v.variantId, warehouseId: main, ...fields };
    for (const [key, value] of Object.entries(input)) if (value === "@main") input[key] = main;
    if (input.warehouseId === "MAIN") input.warehouseId = "";
    const before = await db.inventoryMovement.count();
    const result = await action.runWithContext(asOps(), input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe("VALIDATION");
      expect(result.error.fieldErrors).toMatchObject(expected);
    }
    expect(await db.inventoryMovement.count()).toBe(before);
  });

  it("refuses to take stock below zero or to move held units, with the domain's message", async () => {
    const damage = await recordDamageAction.runWithContext(asOps(), { variantId: v.variantId, warehouseId: main, quantity: "11", notes: "flood" });
    expect(damage).toMatchObject({ ok: false, error: { code: "NEGATIVE_STOCK", message: "Only 10 on hand; cannot remove 11" } });
    await reserveStock({ variantId: v.variantId, sessionId: sessionId(), quantity: 8 });
    const transfer = await transferStockAction.runWithContext(asOps(), { variantId: v.variantId, fromWarehouseId: main, toWarehouseId: east, quantity: "3" });
    expect(transfer).toMatchObject({ ok: false, error: { code: "NEGATIVE_STOCK", message: expect.stringMatching(/Only 2 units are free to move/) } });
    expect(await db.inventoryMovement.count({ where: { type: { in: ["DAMAGE", "TRANSFER"] } } })).toBe(0);
  });

  it("answers NOT_FOUND for an unknown variant instead of an internal error", async () => {
    const result = await recordDamageAction.runWithContext(asOps(), { variantId: "00000000-0000-4000-8000-000000000000", warehouseId: main, quantity: "1", notes: "x" });
    expect(result).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  });

  it.each([
    ["receive into an unknown warehouse", () => receiveStockAction.runWithContext(asOps(), { variantId: v.variantId, warehouseId: "00000000-0000-4000-8000-000000000001", quantity: "2", reference: "PO-X" })],
    ["adjust an unknown variant", () => adjustStockAction.runWithContext(asOps(), { variantId: "00000000-0000-4000-8000-000000000002", warehouseId: main, delta: "2", notes: "count" })],
  ])("answers NOT_FOUND, writing nothing, to %s", async (_label, call) => {
    const before = await db.inventoryMovement.count();
    expect(await call()).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await db.inventoryMovement.count()).toBe(before);
  });
});

describe("variant settings (ADMIN)", () => {
  it("saves policy, limit, restock date and threshold; shoppers see it at once and a stock event is published", async () => {
    await getStockInfo({ productId: v.productId }); // warm the cache: the update must invalidate it
    const events: StockEvent[] = [];
    const unsubscribe = eventBus().subscribe((e) => events.push(e));
    const result = await updateVariantSettingsAction.runWithContext(asAdmin(), {
      variantId: v.variantId, policy: "BACKORDER", backorderLimit: "12", restockDate: "2099-01-31", threshold: "15",
    });
    expect(result.ok).toBe(true);
    expect(await getStockInfo({ productId: v.productId })).toMatchObject({ policy: "BACKORDER", orderable: 22, threshold: 15, lowStock: true, restockDate: "2099-01-31T00:00:00.000Z" });
    await new Promise((r) => setTimeout(r, 200));
    unsubscribe();
    expect(events.some((e) => e.variantId === v.variantId)).toBe(true);
    expect(await db.lowStockAlert.findUnique({ where: { variantId: v.variantId }, select: { threshold: true, isActive: true } })).toEqual({ threshold: 15, isActive: true });
  });

  it.each([
    ["a backorder policy without a limit", { policy: "BACKORDER", backorderLimit: "0" }, { backorderLimit: ["must be at least 1 when backorders or pre-orders are allowed"] }],
    ["pre-orders without a restock date", { policy: "PREORDER", backorderLimit: "5", restockDate: "" }, { restockDate: ["pre-orders need an expected restock date"] }],
    ["a restock date in the past", { restockDate: "2001-01-01" }, { restockDate: ["must be today or later"] }],
    ["an unknown policy and negative threshold", { policy: "SOMETIMES", threshold: "-1" }, { policy: ["choose a policy"], threshold: ["cannot be negative"] }],
  ])("refuses %s inline, changing nothing", async (_label, fields, expected) => {
    const before = await db.productVariant.findUniqueOrThrow({ where: { id: v.variantId } });
    const result = await updateVariantSettingsAction.runWithContext(asAdmin(), { variantId: v.variantId, policy: "DENY", backorderLimit: "0", restockDate: "", threshold: "5", ...fields });
    expect(result).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: expected } });
    expect(await db.productVariant.findUniqueOrThrow({ where: { id: v.variantId } })).toEqual(before);
    expect(await db.lowStockAlert.count()).toBe(0);
  });

  it("sets safety stock per warehouse (creating the level where the variant was never stocked)", async () => {
    expect((await setSafetyStockAction.runWithContext(asAdmin(), { variantId: v.variantId, warehouseId: main, safetyStock: "3" })).ok).toBe(true);
    expect(await getStockInfo({ productId: v.productId })).toMatchObject({ available: 7, safetyStock: 3 });
    const other = await createStockedVariant([{ id: main, code: "MAIN" }], { stock: { MAIN: 1 } });
    expect((await setSafetyStockAction.runWithContext(asAdmin(), { variantId: other.variantId, warehouseId: east, safetyStock: "2" })).ok).toBe(true);
    expect(await db.stockLevel.findUnique({ where: { variantId_warehouseId: { variantId: other.variantId, warehouseId: east } }, select: { onHand: true, safetyStock: true } })).toEqual({ onHand: 0, safetyStock: 2 });
    const missing = await setSafetyStockAction.runWithContext(asAdmin(), { variantId: "00000000-0000-4000-8000-000000000000", warehouseId: east, safetyStock: "2" });
    expect(missing).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect((await verifyLedger()).ok).toBe(true);
  });
});

describe("manual release of a cart hold", () => {
  it("releases the cart's hold in every warehouse, attributes the RELEASE to the staff member, and cannot release twice", async () => {
    await transferStockAction.runWithContext(asOps(), { variantId: v.variantId, fromWarehouseId: main, toWarehouseId: east, quantity: "3" });
    const cart = sessionId();
    const other = sessionId();
    await reserveStock({ variantId: v.variantId, sessionId: cart, quantity: 9 }); // spans MAIN (7) and EAST (2)
    await reserveStock({ variantId: v.variantId, sessionId: other, quantity: 1 });
    expect(await db.stockReservation.count({ where: { sessionId: cart } })).toBe(2);
    const hold = await db.stockReservation.findFirstOrThrow({ where: { sessionId: cart } });
    const result = await releaseHoldAction.runWithContext(asOps(), { holdId: hold.id, notes: "customer called" });
    expect(result).toEqual({ ok: true, data: { variantId: v.variantId, released: 9 } });
    expect(await db.stockReservation.count({ where: { sessionId: cart } })).toBe(0);
    expect(await db.stockReservation.count({ where: { sessionId: other } })).toBe(1);
    const releases = await db.inventoryMovement.findMany({ where: { type: "RELEASE" }, select: { quantity: true, reservedDelta: true, createdBy: true, notes: true } });
    expect(releases.reduce((s, r) => s + r.reservedDelta, 0)).toBe(-9);
    expect(releases.every((r) => r.quantity === 0 && r.createdBy === "ops@stockroom.test" && r.notes === "released by staff: customer called")).toBe(true);
    expect(await getStockInfo({ productId: v.productId })).toMatchObject({ reserved: 1, available: 9 });
    expect(await verifyLedger()).toMatchObject({ ok: true });
    const again = await releaseHoldAction.runWithContext(asOps(), { holdId: hold.id });
    expect(again).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  });
});
