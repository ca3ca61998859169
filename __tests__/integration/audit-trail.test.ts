import { afterAll, beforeEach, describe, expect, it } from "@jest/globals";
import { addChannel, editChannel } from "@/app/actions/alerts";
import { endVariantFlashSale, startVariantFlashSale } from "@/app/actions/flash-sale";
import { updateVariantSettingsAction } from "@/app/actions/inventory";
import { changeUserRoleAction, createUserAction, resetUserPasswordAction } from "@/app/actions/users";
import { listAuditEvents } from "@/lib/admin/audit-log";
import type { SessionUser } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { closeConnections, truncateAll } from "../helpers/db";
import { contextFor, createStaff } from "../helpers/admin-users";
import { createStockedVariant, createWarehouses } from "../helpers/fixtures";

// The admin audit trail through the real actions: who changed what, from what
// to what; a change that changes nothing records nothing; secrets and
// passwords never appear; and the rows cannot be edited or removed.

let staff: { admin: SessionUser; ops: SessionUser };
let v: { variantId: string; sku: string };
beforeEach(async () => {
  await truncateAll();
  staff = await createStaff();
  const { main } = await createWarehouses();
  v = await createStockedVariant([main], { stock: { MAIN: 20 } });
});
afterAll(closeConnections);

const events = async () => (await listAuditEvents({})).rows.map(({ actorEmail, action, target, changes }) => ({ actorEmail, action, target, changes }));
const settings = (fields: Record<string, string>) =>
  updateVariantSettingsAction.runWithContext(contextFor(staff.admin), { variantId: v.variantId, policy: "DENY", backorderLimit: "0", restockDate: "", threshold: "5", ...fields });

describe("admin audit trail", () => {
  it("records each changed setting from → to, and nothing for a save that changes nothing", async () => {
    expect((await settings({ threshold: "5" })).ok).toBe(true); // the first save creates the threshold
    expect((await settings({ policy: "BACKORDER", backorderLimit: "12", threshold: "5" })).ok).toBe(true);
    expect((await settings({ policy: "BACKORDER", backorderLimit: "12", threshold: "5" })).ok).toBe(true);
    const recorded = (await events()).filter((e) => e.action === "variant.settings");
    expect(recorded[0]).toEqual({
      actorEmail: "admin@stockroom.test", action: "variant.settings", target: v.sku,
      changes: { policy: { from: "DENY", to: "BACKORDER" }, backorderLimit: { from: 0, to: 12 } },
    });
    expect(recorded).toHaveLength(2); // the third save changed nothing
  });

  it("records user changes without ever recording a password", async () => {
    await createUserAction.runWithContext(contextFor(staff.admin), { email: "new@stockroom.test", name: "New", role: "OPS", password: "a-long-enough-password" });
    await changeUserRoleAction.runWithContext(contextFor(staff.admin), { userId: staff.ops.id, role: "ADMIN" });
    await resetUserPasswordAction.runWithContext(contextFor(staff.admin), { userId: staff.ops.id, password: "another-long-password" });
    const recorded = await events();
    expect(recorded).toEqual(expect.arrayContaining([
      { actorEmail: "admin@stockroom.test", action: "user.create", target: "new@stockroom.test", changes: { email: { from: null, to: "new@stockroom.test" }, name: { from: null, to: "New" }, role: { from: null, to: "OPS" } } },
      { actorEmail: "admin@stockroom.test", action: "user.role", target: "ops@stockroom.test", changes: { role: { from: "OPS", to: "ADMIN" } } },
      { actorEmail: "admin@stockroom.test", action: "user.password", target: "ops@stockroom.test", changes: { password: "changed", sessions: "all ended" } },
    ]));
    expect(JSON.stringify(recorded)).not.toMatch(/long-enough-password|another-long-password/);
  });

  it("records channels (a fingerprint of a secret, never the secret) and flash-sale switches", async () => {
    const created = await addChannel.runWithContext(contextFor(staff.admin), { type: "WEBHOOK", name: "ERP hook", target: "https://erp.example/hook", secret: "super-secret-signing-key" });
    expect(created.ok).toBe(true);
    const id = created.ok ? created.data.channel.id : "";
    await editChannel.runWithContext(contextFor(staff.admin), { id, enabled: false, rotateSecret: true });
    await startVariantFlashSale.runWithContext(contextFor(staff.admin), { variantId: v.variantId, buckets: 4 });
    await endVariantFlashSale.runWithContext(contextFor(staff.admin), { variantId: v.variantId });
    const recorded = await events();
    const update = recorded.find((e) => e.action === "channel.update")!;
    expect(update.changes).toMatchObject({ enabled: { from: true, to: false }, secret: { from: expect.stringMatching(/^[0-9a-f]{8}$/), to: expect.stringMatching(/^[0-9a-f]{8}$/) } });
    expect(JSON.stringify(recorded)).not.toContain("super-secret-signing-key");
    expect(recorded.filter((e) => e.action.startsWith("flash_sale.")).map((e) => e.changes)).toEqual([
      { flashSale: { from: "on (4 buckets)", to: "off" } },
      { flashSale: { from: "off", to: "on (4 buckets)" } },
    ]);
  });

  it("is append-only: the database refuses to change or delete an entry", async () => {
    await changeUserRoleAction.runWithContext(contextFor(staff.admin), { userId: staff.ops.id, role: "ADMIN" });
    const [entry] = await db.auditEvent.findMany({ take: 1 });
    await expect(db.auditEvent.update({ where: { id: entry!.id }, data: { actorEmail: "someone-else" } })).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
    expect(await db.auditEvent.count()).toBe(1);
  });

  it("filters by area and pages by id, newest first", async () => {
    for (const role of ["ADMIN", "OPS", "ADMIN"] as const) await changeUserRoleAction.runWithContext(contextFor(staff.admin), { userId: staff.ops.id, role });
    expect((await settings({ policy: "BACKORDER", backorderLimit: "3", threshold: "7" })).ok).toBe(true);
    const users = await listAuditEvents({ area: "user" });
    expect(users.rows.map((r) => r.changes)).toEqual([{ role: { from: "OPS", to: "ADMIN" } }, { role: { from: "ADMIN", to: "OPS" } }, { role: { from: "OPS", to: "ADMIN" } }]);
    const older = await listAuditEvents({ area: "user", before: users.rows[0]!.id });
    expect(older.rows.map((r) => r.id)).toEqual(users.rows.slice(1).map((r) => r.id));
    expect((await listAuditEvents({ area: "variant" })).rows).toHaveLength(1);
  });
});
