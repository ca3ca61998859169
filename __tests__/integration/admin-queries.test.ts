import { afterAll, beforeEach, describe, expect, it } from "@jest/globals";
import { GET as exportMovements } from "@/app/api/admin/movements/export/route";
import type { SessionUser } from "@/lib/auth/roles";
import { getDashboardTiles, getLowStockList, getRecentMovements } from "@/lib/admin/dashboard";
import { listActiveHolds } from "@/lib/admin/holds";
import { listInventory, parseInventoryQuery } from "@/lib/admin/inventory-table";
import { listMovements } from "@/lib/admin/movements";
import { getOnHandSeries } from "@/lib/admin/on-hand-series";
import { getVariantDetail } from "@/lib/admin/variant-detail";
import { db, pgPool } from "@/lib/db";
import { adjustStock, receiveStock, reserveStock } from "@/lib/inventory";
import { closeConnections, truncateAll } from "../helpers/db";
import { createStaff, requestAs } from "../helpers/admin-users";
import { createStockedVariant, createWarehouses, expireHolds, sessionId } from "../helpers/fixtures";

let staff: { admin: SessionUser; ops: SessionUser };
let w: Awaited<ReturnType<typeof createWarehouses>>;
type V = Awaited<ReturnType<typeof createStockedVariant>>;
let plenty: V, three: V, none: V, split: V, backorder: V;

// Default threshold is 5 (LOW_STOCK_DEFAULT_THRESHOLD). Five variants, one of each kind.
beforeEach(async () => {
  await truncateAll();
  staff = await createStaff();
  w = await createWarehouses();
  plenty = await createStockedVariant([w.main], { stock: { MAIN: 20 } });
  three = await createStockedVariant([w.main], { stock: { MAIN: 3 } });
  none = await createStockedVariant([w.main], {});
  split = await createStockedVariant([w.main, w.east], { stock: { MAIN: 1, EAST: 1 } });
  backorder = await createStockedVariant([w.main], { policy: "BACKORDER", backorderLimit: 10 });
  await db.stockLevel.updateMany({ where: { variantId: none.variantId }, data: { incoming: 10 } });
});
afterAll(closeConnections);

describe("dashboard", () => {
  it("counts tiles in SQL, ignoring expired holds", async () => {
    await reserveStock({ variantId: plenty.variantId, sessionId: sessionId(), quantity: 2 });
    const expired = sessionId();
    await reserveStock({ variantId: plenty.variantId, sessionId: expired, quantity: 1 });
    await expireHolds(expired);
    expect(await getDashboardTiles()).toEqual({ skus: 5, unitsOnHand: 25, reservedNow: 2, committed: 0, unavailable: 0, lowStock: 2, outOfStock: 2, stockValueCents: 25 * 2_500 });
  });

  it("lists low and sold-out variants most urgent first: sold out with nothing incoming, then by share of threshold left", async () => {
    const { items, total } = await getLowStockList(10);
    expect(total).toBe(4);
    expect(items.map((i) => [i.sku, i.available, i.status])).toEqual([
      [backorder.sku, 0, "out"],
      [none.sku, 0, "out"],
      [split.sku, 2, "low"],
      [three.sku, 3, "low"],
    ]);
    expect((await getLowStockList(2)).items).toHaveLength(2);
  });

  it("a variant's own threshold decides, and receiving stock takes it off the list", async () => {
    await db.lowStockAlert.create({ data: { variantId: plenty.variantId, threshold: 25 } });
    expect((await getLowStockList()).items.map((i) => i.sku)).toContain(plenty.sku);
    await receiveStock({ variantId: three.variantId, warehouseId: w.main.id, quantity: 10, reference: "PO-5", actor: "t" });
    expect((await getLowStockList()).items.map((i) => i.sku)).not.toContain(three.sku);
  });

  it("recent movements leave out cart holds", async () => {
    await reserveStock({ variantId: plenty.variantId, sessionId: sessionId(), quantity: 1 });
    await adjustStock({ variantId: three.variantId, warehouseId: w.main.id, delta: -1, notes: "count", actor: "ops@stockroom.test" });
    const recent = await getRecentMovements(3);
    expect(recent[0]).toMatchObject({ sku: three.sku, type: "ADJUSTMENT", quantity: -1, warehouseCode: "MAIN", createdBy: "ops@stockroom.test" });
    expect(recent.every((m) => m.type !== "RESERVATION")).toBe(true);
  });
});

describe("inventory table", () => {
  const list = (params: Record<string, string>, pageSize?: number) => listInventory(parseInventoryQuery(params), pageSize);

  it("searches SKU and product name, case-insensitively, treating % and _ literally", async () => {
    expect((await list({ q: three.sku.toLowerCase() })).rows.map((r) => r.id)).toEqual([three.variantId]);
    const product = await db.product.findFirstOrThrow({ where: { variants: { some: { id: split.variantId } } } });
    expect((await list({ q: product.name })).rows.map((r) => r.id)).toContain(split.variantId);
    expect((await list({ q: "%" })).total).toBe(0);
  });

  it.each([
    ["attention", () => [backorder, none, split, three]],
    ["low", () => [split, three]],
    ["out", () => [backorder, none]],
    ["backorder", () => [backorder]],
    ["preorder", () => []],
  ] as const)("filters status=%s", async (status, expected) => {
    const page = await list({ status, sort: "sku" });
    expect(page.rows.map((r) => r.sku)).toEqual(expected().map((e) => e.sku).sort());
  });

  it("filters by warehouse, showing that warehouse's quantities only", async () => {
    const page = await list({ warehouse: w.east.id });
    expect(page.rows.map((r) => [r.id, r.on_hand, r.available])).toEqual([[split.variantId, 1, 1]]);
  });

  it("sorts on a whitelisted column and pages with a total; bad parameters fall back to defaults", async () => {
    const byAvailable = await list({ sort: "available", dir: "desc" }, 2);
    expect(byAvailable).toMatchObject({ total: 5, page: 1, pageCount: 3 });
    expect(byAvailable.rows.map((r) => r.available)).toEqual([20, 3]);
    expect((await list({ sort: "available", dir: "desc", page: "3" }, 2)).rows).toHaveLength(1);
    // Past the last page: the last page, not "Page 99 of 3" over an empty table.
    const beyond = await list({ sort: "available", dir: "desc", page: "99" }, 2);
    expect(beyond).toMatchObject({ total: 5, page: 3, pageCount: 3 });
    expect(beyond.rows).toHaveLength(1);
    expect(parseInventoryQuery({ sort: "id; drop table x", dir: "sideways", page: "-4", status: "weird", warehouse: "nope" })).toEqual({
      q: undefined, warehouse: undefined, status: undefined, sort: "product", dir: "asc", page: 1,
    });
  });

  it("pages through 10,000 variants without loading them", async () => {
    // Bulk rows straight in SQL: this is about query shape, not about the ledger.
    await pgPool().query(`
      with p as (insert into "Product" ("slug", "name", "description", "category", "priceCents", "imageUrl", "updatedAt")
                 values ('bulk', 'Bulk Widget', 'x', 'bulk', 100, '/x.svg', now()) returning "id"),
      v as (insert into "ProductVariant" ("productId", "sku", "title")
            select p."id", 'BULK-' || lpad(g::text, 5, '0'), 'Size ' || g from p, generate_series(1, 10000) g returning "id", "sku")
      insert into "StockLevel" ("variantId", "warehouseId", "onHand")
      select v."id", $1::uuid, (right(v."sku", 3))::int % 50 from v`, [w.main.id]);
    const page = await list({ q: "bulk-", status: "low", sort: "sku", page: "3" });
    // onHand = n % 50 over 10,000 rows: 1..5 in 5 of every 50 → 1,000 low variants.
    expect(page).toMatchObject({ total: 1_000, page: 3, pageCount: 40 });
    expect(page.rows).toHaveLength(25);
    expect(page.rows[0]!.sku).toBe("BULK-00501"); // 10 low per hundred SKUs: page 3 starts at the 51st
    expect((await getDashboardTiles()).skus).toBe(10_005);
  });
});

describe("variant detail, history and chart", () => {
  it("shows every warehouse, stocked or not", async () => {
    const detail = await getVariantDetail(three.variantId);
    expect(detail?.levels.map((l) => [l.code, l.stocked, l.onHand, l.available])).toEqual([["MAIN", true, 3, 3], ["EAST", false, 0, 0]]);
    expect(await getVariantDetail("00000000-0000-4000-8000-000000000000")).toBeNull();
  });

  it("pages the history newest first with keyset cursors, both ways, and filters by type and warehouse", async () => {
    for (let i = 1; i <= 12; i++) await adjustStock({ variantId: plenty.variantId, warehouseId: w.main.id, delta: 1, notes: `n${i}`, actor: "t" });
    const first = await listMovements({ variantId: plenty.variantId }, 5);
    expect(first.rows.map((r) => r.notes)).toEqual(["n12", "n11", "n10", "n9", "n8"]);
    expect(first.newerCursor).toBeNull();
    const second = await listMovements({ variantId: plenty.variantId, before: first.olderCursor! }, 5);
    expect(second.rows.map((r) => r.notes)).toEqual(["n7", "n6", "n5", "n4", "n3"]);
    const back = await listMovements({ variantId: plenty.variantId, after: second.newerCursor! }, 5);
    expect(back.rows.map((r) => r.notes)).toEqual(first.rows.map((r) => r.notes));
    expect(back.newerCursor).toBeNull();
    const last = await listMovements({ variantId: plenty.variantId, before: second.olderCursor! }, 5);
    expect(last.rows.map((r) => r.type)).toEqual(["ADJUSTMENT", "ADJUSTMENT", "PURCHASE_ORDER"]);
    expect(last.olderCursor).toBeNull();
    expect((await listMovements({ variantId: plenty.variantId, type: "PURCHASE_ORDER" })).rows).toHaveLength(1);
    expect((await listMovements({ variantId: split.variantId, warehouse: w.east.id })).rows.map((r) => r.warehouseCode)).toEqual(["EAST"]);
  });

  it("rebuilds closing on-hand per day from the ledger", async () => {
    const now = new Date("2026-11-20T15:00:00Z");
    await adjustStock({ variantId: three.variantId, warehouseId: w.main.id, delta: 4, notes: "found", actor: "t" });
    await adjustStock({ variantId: three.variantId, warehouseId: w.main.id, delta: -2, notes: "lost", actor: "t" });
    const rows = await db.inventoryMovement.findMany({ where: { variantId: three.variantId }, orderBy: { id: "asc" }, select: { id: true } });
    const at = ["2026-11-01T10:00:00Z", "2026-11-18T09:00:00Z", "2026-11-20T08:00:00Z"];
    for (const [i, row] of rows.entries()) await db.inventoryMovement.update({ where: { id: row.id }, data: { createdAt: new Date(at[i]!) } });
    expect(await getOnHandSeries(three.variantId, 4, now)).toEqual([
      { day: "2026-11-17", onHand: 3 },
      { day: "2026-11-18", onHand: 7 },
      { day: "2026-11-19", onHand: 7 },
      { day: "2026-11-20", onHand: 5 },
    ]);
  });

  it("lists live holds per cart, never the session id, and not expired ones", async () => {
    const cart = sessionId();
    await reserveStock({ variantId: split.variantId, sessionId: cart, quantity: 2 });
    const gone = sessionId();
    await reserveStock({ variantId: plenty.variantId, sessionId: gone, quantity: 1 });
    await expireHolds(gone);
    const { holds, total } = await listActiveHolds();
    expect(total).toBe(1);
    expect(holds[0]).toMatchObject({ variantId: split.variantId, quantity: 2, warehouses: "MAIN ×1, EAST ×1" });
    expect(holds[0]!.cart).toMatch(/^cart:[0-9a-f]{12}$/);
    expect(JSON.stringify(holds)).not.toContain(cart);
    expect((await listActiveHolds({ q: plenty.sku })).total).toBe(0);
  });
});

describe("movement CSV export", () => {
  it("streams the filtered ledger as CSV, quoting and neutralising spreadsheet formulas", async () => {
    await adjustStock({ variantId: three.variantId, warehouseId: w.main.id, delta: -1, notes: '=HYPERLINK("http://x","click"), really', actor: "ops@stockroom.test" });
    const response = await exportMovements(requestAs(staff.ops, `/api/admin/movements/export?variantId=${three.variantId}&type=ADJUSTMENT`));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="movements-${three.sku}-adjustment-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
    const lines = (await response.text()).trimEnd().split("\r\n");
    expect(lines[0]).toBe("id,created_at,sku,product,warehouse,type,quantity,reserved_delta,reference,notes,created_by");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`,${three.sku},`);
    expect(lines[1]).toContain(`,MAIN,ADJUSTMENT,-1,0,,"'=HYPERLINK(""http://x"",""click""), really",ops@stockroom.test`);
  });

  it("exports more rows than one batch, in order", async () => {
    await pgPool().query(
      `insert into "InventoryMovement" ("variantId", "warehouseId", "type", "quantity", "notes", "createdBy")
       select $1::uuid, $2::uuid, 'ADJUSTMENT', 0, 'bulk ' || g, 't' from generate_series(1, 2500) g`,
      [plenty.variantId, w.main.id],
    );
    const text = await (await exportMovements(requestAs(staff.ops, `/api/admin/movements/export?variantId=${plenty.variantId}`))).text();
    const lines = text.trimEnd().split("\r\n");
    expect(lines).toHaveLength(1 + 1 + 2_500);
    expect(lines.at(-1)).toContain("bulk 2500");
  });

  it("ignores malformed filters instead of failing", async () => {
    const response = await exportMovements(requestAs(staff.ops, `/api/admin/movements/export?variantId=zzz&type=NOPE&before=x`));
    expect(response.status).toBe(200);
    expect((await response.text()).trimEnd().split("\r\n").length).toBe(1 + (await db.inventoryMovement.count()));
  });
});
