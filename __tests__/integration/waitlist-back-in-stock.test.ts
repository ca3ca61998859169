import { describe, expect, it } from "@jest/globals";
import type { Transporter } from "nodemailer";
import { joinWaitlist } from "@/app/actions/waitlist";
import type { ActionContext } from "@/lib/actions";
import { enqueueStockNotifications } from "@/lib/alerts";
import { db } from "@/lib/db";
import { adjustStock, receiveStock, reserveStock } from "@/lib/inventory";
import { emailDeliverer } from "@/lib/outbox/channels";
import { processOutboxBatch } from "@/lib/outbox";
import { createStockedVariant, freshWarehousesPerTest, sessionId } from "../helpers/fixtures";

const warehouses = freshWarehousesPerTest();

const shopper = (session = sessionId()): ActionContext => ({ user: async () => null, cartSessionId: async () => session, revalidatePath: () => {} });
const actor = "waitlist-test";

describe("joinWaitlist action", () => {
  it("validates the email and reports it as a field error", async () => {
    const v = await createStockedVariant([warehouses.main]);
    for (const email of ["", "not-an-email", "a@b", `${"x".repeat(200)}@example.com`]) {
      const result = await joinWaitlist.runWithContext(shopper(), { variantId: v.variantId, email });
      expect(result).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { email: [expect.any(String)] } } });
    }
    expect(await joinWaitlist.runWithContext(shopper(), { variantId: "nope", email: "a@example.com" })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await joinWaitlist.runWithContext(shopper(), { variantId: crypto.randomUUID(), email: "a@example.com" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await db.backInStockRequest.count()).toBe(0);
  });

  it("keeps one request per variant and address (case and spaces ignored), without revealing duplicates", async () => {
    const v = await createStockedVariant([warehouses.main]);
    const first = await joinWaitlist.runWithContext(shopper(), { variantId: v.variantId, email: "Ana@Example.com " });
    const again = await joinWaitlist.runWithContext(shopper(), { variantId: v.variantId, email: "ana@example.com" });
    expect(first).toMatchObject({ ok: true });
    expect(again).toEqual(first);
    expect(await db.backInStockRequest.findMany({ select: { email: true } })).toEqual([{ email: "ana@example.com" }]);
  });

  it("refuses when the item is in stock", async () => {
    const v = await createStockedVariant([warehouses.main], { stock: { MAIN: 2 } });
    expect(await joinWaitlist.runWithContext(shopper(), { variantId: v.variantId, email: "a@example.com" })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
  });

  it("rate-limits one session after 5 requests in the window, not other sessions", async () => {
    const v = await createStockedVariant([warehouses.main]);
    const ctx = shopper();
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await joinWaitlist.runWithContext(ctx, { variantId: v.variantId, email: `p${i}@example.com` }));
    expect(results.slice(0, 5).every((r) => r.ok)).toBe(true);
    expect(results[5]).toMatchObject({ ok: false, error: { code: "RATE_LIMITED", message: expect.stringMatching(/try again in \d+ minute/) } });
    expect(await db.backInStockRequest.count()).toBe(5);
    expect(await joinWaitlist.runWithContext(shopper(), { variantId: v.variantId, email: "other@example.com" })).toMatchObject({ ok: true });
  });
});

describe("back-in-stock notification", () => {
  it("emails every waiting shopper exactly once after a purchase-order receipt", async () => {
    await db.alertChannel.create({ data: { type: "EMAIL", name: "Mail", target: "ops@stockroom.test" } });
    const v = await createStockedVariant([warehouses.main, warehouses.east]);
    await db.lowStockAlert.create({ data: { variantId: v.variantId, isActive: false } }); // only shopper emails in this outbox
    const waiting = ["a@example.com", "b@example.com", "c@example.com"];
    for (const email of waiting) expect(await joinWaitlist.runWithContext(shopper(), { variantId: v.variantId, email })).toMatchObject({ ok: true });

    // Concurrent receipts, a later adjustment and a full reconciliation must not notify anyone twice.
    await Promise.all([
      receiveStock({ variantId: v.variantId, warehouseId: warehouses.main.id, quantity: 4, reference: "PO-77", actor }),
      receiveStock({ variantId: v.variantId, warehouseId: warehouses.east.id, quantity: 2, reference: "PO-78", actor }),
    ]);
    await adjustStock({ variantId: v.variantId, warehouseId: warehouses.main.id, delta: 1, actor, notes: "found one" });
    await enqueueStockNotifications(null);
    await enqueueStockNotifications([v.variantId]);

    const sent: { to: string; subject: string; messageId: string }[] = [];
    const transport = { sendMail: async (mail: { to: string; subject: string; messageId: string }) => (sent.push(mail), { message: "" }) } as unknown as Transporter;
    const deliverers = { EMAIL: emailDeliverer(transport) };
    expect(await processOutboxBatch({ deliverers })).toMatchObject({ claimed: 3, delivered: 3 });
    expect(await processOutboxBatch({ deliverers })).toMatchObject({ claimed: 0 });
    expect(sent.map((m) => m.to).sort()).toEqual(waiting);
    expect(sent[0]!.subject).toMatch(/is back in stock/);
    expect(await db.backInStockRequest.count({ where: { notifiedAt: null } })).toBe(0);
  });

  it("waits while the variant is out of stock or no email channel exists, then notifies once", async () => {
    const v = await createStockedVariant([warehouses.main]);
    await joinWaitlist.runWithContext(shopper(), { variantId: v.variantId, email: "a@example.com" });
    await receiveStock({ variantId: v.variantId, warehouseId: warehouses.main.id, quantity: 1, reference: "PO-1", actor });
    expect(await db.notification.count({ where: { kind: "BACK_IN_STOCK" } })).toBe(0); // no email channel yet
    await db.alertChannel.create({ data: { type: "EMAIL", name: "Mail", target: "ops@stockroom.test" } });
    await reserveStock({ variantId: v.variantId, sessionId: sessionId(), quantity: 1 }); // sold out again: still nothing
    expect(await enqueueStockNotifications(null)).toMatchObject({ backInStock: 0 });
    await receiveStock({ variantId: v.variantId, warehouseId: warehouses.main.id, quantity: 3, reference: "PO-2", actor });
    await enqueueStockNotifications(null);
    const rows = await db.notification.findMany({ where: { kind: "BACK_IN_STOCK" }, select: { payload: true } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.payload).toMatchObject({ to: "a@example.com", sku: v.sku, url: expect.stringContaining("/products/") });
  });
});
