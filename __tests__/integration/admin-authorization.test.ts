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
import { GET as getLedger } from "@/app/api/admin/ledger/route";
import { GET as exportMovements } from "@/app/api/admin/movements/export/route";
import { GET as stream } from "@/app/api/admin/stream/route";
import type { ServerAction } from "@/lib/actions/client";
import type { SessionUser } from "@/lib/auth/roles";
import { createAdminSession } from "@/lib/auth/admin-session";
import { createSignedToken } from "@/lib/auth/signed-token";
import { db } from "@/lib/db";
import { reserveStock } from "@/lib/inventory";
import { closeConnections, truncateAll } from "../helpers/db";
import { contextFor, createStaff, requestAs } from "../helpers/admin-users";
import { createStockedVariant, createWarehouses, sessionId } from "../helpers/fixtures";

// Every admin action and route, called as anonymous, OPS and ADMIN: refusals
// happen on the server, before validation, and leave no trace in the database.

let staff: { admin: SessionUser; ops: SessionUser };
let fx: { variantId: string; main: string; east: string };

beforeEach(async () => {
  await truncateAll();
  staff = await createStaff();
  const { main, east } = await createWarehouses();
  const v = await createStockedVariant([main, east], { stock: { MAIN: 20, EAST: 5 } });
  fx = { variantId: v.variantId, main: main.id, east: east.id };
});
afterAll(closeConnections);

type Case = { name: string; action: ServerAction<unknown>; minimum: "OPS" | "ADMIN"; input: () => Promise<Record<string, unknown>> };

const CASES: Case[] = [
  { name: "adjust", action: adjustStockAction, minimum: "OPS", input: async () => ({ variantId: fx.variantId, warehouseId: fx.main, delta: "-1", notes: "count" }) },
  { name: "receive", action: receiveStockAction, minimum: "OPS", input: async () => ({ variantId: fx.variantId, warehouseId: fx.main, quantity: "3", reference: "PO-9" }) },
  { name: "transfer", action: transferStockAction, minimum: "OPS", input: async () => ({ variantId: fx.variantId, fromWarehouseId: fx.main, toWarehouseId: fx.east, quantity: "2" }) },
  { name: "return", action: recordReturnAction, minimum: "OPS", input: async () => ({ variantId: fx.variantId, warehouseId: fx.main, quantity: "1" }) },
  { name: "damage", action: recordDamageAction, minimum: "OPS", input: async () => ({ variantId: fx.variantId, warehouseId: fx.main, quantity: "1", notes: "dropped" }) },
  {
    name: "release hold",
    action: releaseHoldAction,
    minimum: "OPS",
    input: async () => {
      await reserveStock({ variantId: fx.variantId, sessionId: sessionId(), quantity: 2 });
      const hold = await db.stockReservation.findFirstOrThrow({ select: { id: true } });
      return { holdId: hold.id };
    },
  },
  { name: "variant settings", action: updateVariantSettingsAction, minimum: "ADMIN", input: async () => ({ variantId: fx.variantId, policy: "BACKORDER", backorderLimit: "5", restockDate: "", threshold: "7" }) },
  { name: "safety stock", action: setSafetyStockAction, minimum: "ADMIN", input: async () => ({ variantId: fx.variantId, warehouseId: fx.main, safetyStock: "4" }) },
];

/** Everything an admin action could change, to prove a refused call changed nothing. */
async function snapshot() {
  const [movements, levels, variant, alerts, holds] = await Promise.all([
    db.inventoryMovement.count(),
    db.stockLevel.findMany({ orderBy: { id: "asc" }, select: { onHand: true, reserved: true, safetyStock: true, incoming: true } }),
    db.productVariant.findUniqueOrThrow({ where: { id: fx.variantId }, select: { inventoryPolicy: true, backorderLimit: true, restockDate: true } }),
    db.lowStockAlert.findMany(),
    db.stockReservation.count(),
  ]);
  return { movements, levels, variant, alerts, holds };
}

describe.each(CASES)("action $name (minimum $minimum)", ({ action, minimum, input }) => {
  it("refuses an anonymous caller with UNAUTHENTICATED and writes nothing", async () => {
    const payload = await input();
    const before = await snapshot();
    const result = await action.runWithContext(contextFor(null), payload);
    expect(result).toEqual({ ok: false, error: { code: "UNAUTHENTICATED", message: "Please sign in" } });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses an anonymous caller before looking at the input", async () => {
    const result = await action.runWithContext(contextFor(null), { nonsense: true });
    expect(result.ok || result.error.code).toBe("UNAUTHENTICATED");
  });

  it(minimum === "ADMIN" ? "refuses OPS with FORBIDDEN and writes nothing" : "lets OPS do it", async () => {
    const payload = await input();
    const before = await snapshot();
    const result = await action.runWithContext(contextFor(staff.ops), payload);
    if (minimum === "ADMIN") {
      expect(result).toEqual({ ok: false, error: { code: "FORBIDDEN", message: "You do not have permission to do that" } });
      expect(await snapshot()).toEqual(before);
    } else {
      expect(result.ok).toBe(true);
      expect(await snapshot()).not.toEqual(before);
    }
  });

  it("lets ADMIN do it", async () => {
    const payload = await input();
    const before = await snapshot();
    const result = await action.runWithContext(contextFor(staff.admin), payload);
    expect(result.ok).toBe(true);
    expect(await snapshot()).not.toEqual(before);
  });
});

describe("admin routes", () => {
  const routes = [
    { name: "GET /api/admin/ledger", call: (r: Request) => getLedger(r), url: "/api/admin/ledger", minimum: "ADMIN" },
    { name: "GET /api/admin/movements/export", call: (r: Request) => exportMovements(r), url: "/api/admin/movements/export", minimum: "OPS" },
    { name: "GET /api/admin/stream", call: (r: Request) => stream(r), url: "/api/admin/stream", minimum: "OPS" },
  ] as const;

  // The stream stays open until the request is aborted; every call gets its own controller.
  async function call(route: (typeof routes)[number], user: SessionUser | null, cookie?: string) {
    const abort = new AbortController();
    const request = cookie ? new Request(`http://localhost${route.url}`, { headers: { cookie }, signal: abort.signal }) : requestAs(user, route.url, { signal: abort.signal });
    const response = await route.call(request);
    const body = response.headers.get("content-type")?.includes("json") ? await response.json() : null;
    abort.abort();
    await response.body?.cancel().catch(() => {});
    return { status: response.status, body };
  }

  it.each(routes)("$name: 401 for anonymous, forged or expired cookies", async (route) => {
    expect(await call(route, null)).toEqual({ status: 401, body: { error: { code: "UNAUTHENTICATED", message: "Please sign in" } } });
    const forged = createSignedToken({ sub: staff.admin.id, exp: Math.floor(Date.now() / 1000) + 60 }, "x".repeat(40));
    expect((await call(route, null, `stockroom_admin=${forged}`)).status).toBe(401);
    const expired = await createAdminSession({ userId: staff.admin.id, now: new Date(Date.now() - 9 * 3600_000) });
    expect((await call(route, null, `stockroom_admin=${expired}`)).status).toBe(401);
  });

  it.each(routes)("$name: OPS allowed only when the minimum is OPS; ADMIN always", async (route) => {
    const ops = await call(route, staff.ops);
    if (route.minimum === "ADMIN") expect(ops).toEqual({ status: 403, body: { error: { code: "FORBIDDEN", message: "You do not have permission to do that" } } });
    else expect(ops.status).toBe(200);
    expect((await call(route, staff.admin)).status).toBe(200);
  });

  it("a deleted user's cookie stops working at once", async () => {
    const request = requestAs(staff.admin, "/api/admin/ledger");
    await db.user.delete({ where: { id: staff.admin.id } });
    expect((await getLedger(request)).status).toBe(401);
  });

  it("the ledger check reports every stock level and mismatches", async () => {
    const ok = await (await getLedger(requestAs(staff.admin, "/api/admin/ledger"))).json();
    expect(ok).toEqual({ ok: true, checkedLevels: 2, mismatches: [] });
    // Tamper with a level behind the ledger's back: the check must notice.
    await db.stockLevel.updateMany({ where: { variantId: fx.variantId, warehouseId: fx.main }, data: { onHand: { increment: 1 } } });
    const bad = await (await getLedger(requestAs(staff.admin, "/api/admin/ledger"))).json();
    expect(bad).toMatchObject({ ok: false, checkedLevels: 2, mismatches: [{ variantId: fx.variantId, warehouseId: fx.main, onHand: 21, movementOnHand: 20 }] });
  });
});
