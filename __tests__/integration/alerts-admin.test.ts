import { afterAll, afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { addChannel, editChannel, retryDeadNotification, saveThreshold, sendTest } from "@/app/actions/alerts";
import type { ActionContext } from "@/lib/actions";
import { listChannels } from "@/lib/alerts/channels";
import { listNotifications } from "@/lib/alerts/history";
import { listThresholds } from "@/lib/alerts/thresholds";
import type { SessionUser } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { closeConnections, truncateAll } from "../helpers/db";
import { createStockedVariant, createWarehouses } from "../helpers/fixtures";
import { startReceiver } from "../helpers/http-receiver";

const as = (role: SessionUser["role"] | null): ActionContext => ({
  user: async () => (role ? { id: crypto.randomUUID(), email: `${role}@stockroom.test`, name: role, role } : null),
  cartSessionId: async () => null,
  revalidatePath: () => {},
});
const admin = as("ADMIN");

let receiver: Awaited<ReturnType<typeof startReceiver>> | null = null;
let warehouses: Awaited<ReturnType<typeof createWarehouses>>;
beforeEach(async () => {
  await truncateAll();
  warehouses = await createWarehouses();
});
afterEach(async () => {
  await receiver?.close();
  receiver = null;
});
afterAll(closeConnections);

describe("alert admin actions", () => {
  it("are ADMIN only, checked before the input is looked at", async () => {
    for (const [ctx, code] of [[as(null), "UNAUTHENTICATED"], [as("OPS"), "FORBIDDEN"]] as const) {
      expect(await addChannel.runWithContext(ctx, { type: "EMAIL", name: "x", target: "a@b.co" })).toMatchObject({ ok: false, error: { code } });
      expect(await saveThreshold.runWithContext(ctx, {})).toMatchObject({ ok: false, error: { code } });
      expect(await sendTest.runWithContext(ctx, {})).toMatchObject({ ok: false, error: { code } });
    }
    expect(await db.alertChannel.count()).toBe(0);
  });

  it("validates channels per type and never renders secrets back in full", async () => {
    const bad = await addChannel.runWithContext(admin, { type: "EMAIL", name: "Buyers", target: "buyers@x.com, nope" });
    expect(bad).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { target: [expect.any(String)] } } });
    expect(await addChannel.runWithContext(admin, { type: "WEBHOOK", name: "", target: "ftp://x" })).toMatchObject({ ok: false, error: { fieldErrors: { name: [expect.any(String)], target: [expect.any(String)] } } });

    const hook = await addChannel.runWithContext(admin, { type: "WEBHOOK", name: "ERP", target: "https://erp.example.com/hook" });
    if (!hook.ok) throw new Error(hook.error.message);
    expect(hook.data.newSecret).toMatch(/^whsec_/);
    const slackUrl = "https://hooks.slack.com/services/T000/B000/supersecrettoken1234";
    await addChannel.runWithContext(admin, { type: "SLACK", name: "Team", target: slackUrl });
    const listed = JSON.stringify(await listChannels());
    expect(listed).not.toContain(hook.data.newSecret);
    expect(listed).not.toContain("supersecrettoken");
    expect(listed).toContain(hook.data.newSecret!.slice(-4));

    const rotated = await editChannel.runWithContext(admin, { id: hook.data.channel.id, rotateSecret: "on" });
    expect(rotated).toMatchObject({ ok: true, data: { newSecret: expect.stringMatching(/^whsec_/) } });
    expect(await editChannel.runWithContext(admin, { id: hook.data.channel.id, target: "not a url" })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await editChannel.runWithContext(admin, { id: crypto.randomUUID(), name: "x" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  });

  it("sends a test through the outbox and shows it in the history", async () => {
    receiver = await startReceiver();
    const created = await addChannel.runWithContext(admin, { type: "WEBHOOK", name: "Local", target: receiver.url, secret: "a-long-enough-secret" });
    if (!created.ok) throw new Error(created.error.message);
    expect(await sendTest.runWithContext(admin, { channelId: created.data.channel.id })).toMatchObject({ ok: true, data: { status: "DELIVERED", attempts: 1 } });
    expect(JSON.parse(receiver.received[0]!.body)).toMatchObject({ event: "test" });
    const history = await listNotifications();
    expect(history.items[0]).toMatchObject({ kind: "TEST", status: "DELIVERED", channelName: "Local" });
    expect(history.byStatus).toEqual({ PENDING: 0, DELIVERED: 1, DEAD: 0 });
    expect(await retryDeadNotification.runWithContext(admin, { id: history.items[0]!.id })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
  });

  it("saves thresholds (validated) and alerts at once when the new threshold is already crossed", async () => {
    await db.alertChannel.create({ data: { type: "EMAIL", name: "Mail", target: "ops@stockroom.test" } });
    const v = await createStockedVariant([warehouses.main], { stock: { MAIN: 8 } });
    expect(await saveThreshold.runWithContext(admin, { variantId: v.variantId, threshold: -1 })).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { threshold: [expect.any(String)] } } });
    expect(await saveThreshold.runWithContext(admin, { variantId: v.variantId, threshold: "3", isActive: "on" })).toMatchObject({ ok: true, data: { threshold: 3, isActive: true, alerted: false } });
    expect(await saveThreshold.runWithContext(admin, { variantId: v.variantId, threshold: "8", isActive: "on" })).toMatchObject({ ok: true, data: { alerted: true } });
    expect(await saveThreshold.runWithContext(admin, { variantId: v.variantId, threshold: "9" })).toMatchObject({ ok: true, data: { isActive: false, alerted: false } });
    const { rows } = await listThresholds({ q: v.sku });
    expect(rows).toEqual([expect.objectContaining({ sku: v.sku, available: 8, threshold: 9, ownThreshold: true, isActive: false, low: true })]);
    expect(await db.notification.count({ where: { kind: "LOW_STOCK" } })).toBe(1);
  });
});
