import { afterAll, beforeEach, describe, expect, it } from "@jest/globals";
import { changeUserRoleAction, createUserAction, deleteUserAction, resetUserPasswordAction, signOutUserEverywhereAction } from "@/app/actions/users";
import { authenticate, createAdminSession, userFromSessionToken } from "@/lib/auth/admin-session";
import type { SessionUser } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { closeConnections, truncateAll } from "../helpers/db";
import { contextFor, createStaff, sessionTokenOf } from "../helpers/admin-users";

let staff: { admin: SessionUser; ops: SessionUser };
beforeEach(async () => {
  await truncateAll();
  staff = await createStaff();
});
afterAll(closeConnections);

const newUser = { email: "  New.Person@Example.com ", name: "New Person", role: "OPS", password: "a-long-enough-password" };

describe("user management (ADMIN only)", () => {
  it.each([
    ["create", () => createUserAction, () => newUser],
    ["change role", () => changeUserRoleAction, () => ({ userId: staff.ops.id, role: "ADMIN" })],
    ["reset password", () => resetUserPasswordAction, () => ({ userId: staff.ops.id, password: "another-long-password" })],
    ["delete", () => deleteUserAction, () => ({ userId: staff.ops.id })],
  ])("%s: anonymous and OPS are refused before validation, and nothing changes", async (_name, action, input) => {
    const before = await db.user.findMany({ orderBy: { email: "asc" } });
    expect(await action().runWithContext(contextFor(null), input())).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    expect(await action().runWithContext(contextFor(staff.ops), input())).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await action().runWithContext(contextFor(staff.ops), { junk: true })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await db.user.findMany({ orderBy: { email: "asc" } })).toEqual(before);
  });

  it("an admin adds a user who can then sign in; the email is normalised and unique", async () => {
    const created = await createUserAction.runWithContext(contextFor(staff.admin), newUser);
    expect(created).toMatchObject({ ok: true, data: { email: "new.person@example.com" } });
    await expect(authenticate("new.person@example.com", newUser.password)).resolves.toMatchObject({ role: "OPS" });
    const again = await createUserAction.runWithContext(contextFor(staff.admin), { ...newUser, email: "NEW.person@example.com" });
    expect(again).toMatchObject({ ok: false, error: { code: "CONFLICT", fieldErrors: { email: ["Already in use"] } } });
  });

  it.each([
    ["email", { email: "nope" }],
    ["password", { password: "short" }],
    ["role", { role: "ROOT" }],
    ["name", { name: "" }],
    ["name", { name: "Eve\u0000" }],
  ])("rejects a bad %s inline", async (field, patch) => {
    const result = await createUserAction.runWithContext(contextFor(staff.admin), { ...newUser, ...patch });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.error.fieldErrors ?? {})).toEqual([field]);
    expect(await db.user.count()).toBe(2);
  });

  it("a role change applies to the user's existing session at once", async () => {
    const token = await createAdminSession({ userId: staff.ops.id });
    expect((await changeUserRoleAction.runWithContext(contextFor(staff.admin), { userId: staff.ops.id, role: "ADMIN" })).ok).toBe(true);
    await expect(userFromSessionToken(token)).resolves.toMatchObject({ role: "ADMIN" });
    expect((await deleteUserAction.runWithContext(contextFor(staff.admin), { userId: staff.ops.id })).ok).toBe(true);
    await expect(userFromSessionToken(token)).resolves.toBeNull();
  });

  it("a reset password replaces the old one and signs the user out everywhere", async () => {
    const [token, other] = await Promise.all([createAdminSession({ userId: staff.ops.id }), createAdminSession({ userId: staff.ops.id })]);
    const admins = await createAdminSession({ userId: staff.admin.id });
    await expect(userFromSessionToken(token)).resolves.toMatchObject({ id: staff.ops.id });
    expect((await resetUserPasswordAction.runWithContext(contextFor(staff.admin), { userId: staff.ops.id, password: "brand-new-password-1" })).ok).toBe(true);
    await expect(authenticate(staff.ops.email, "ops-password")).rejects.toMatchObject({ code: "INVALID_CREDENTIALS" });
    await expect(authenticate(staff.ops.email, "brand-new-password-1")).resolves.toMatchObject({ id: staff.ops.id });
    await expect(userFromSessionToken(token)).resolves.toBeNull();
    await expect(userFromSessionToken(other)).resolves.toBeNull();
    await expect(userFromSessionToken(admins)).resolves.toMatchObject({ id: staff.admin.id });
  });

  it("an admin signs a user out everywhere; OPS cannot, and other users keep their sessions", async () => {
    const [a, b] = [await createAdminSession({ userId: staff.ops.id }), await createAdminSession({ userId: staff.ops.id })];
    expect(await signOutUserEverywhereAction.runWithContext(contextFor(staff.ops), { userId: staff.admin.id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    const result = await signOutUserEverywhereAction.runWithContext(contextFor(staff.admin), { userId: staff.ops.id });
    expect(result).toEqual({ ok: true, data: { ended: 3 } }); // two here, one from createStaff
    await expect(userFromSessionToken(a)).resolves.toBeNull();
    await expect(userFromSessionToken(b)).resolves.toBeNull();
    await expect(userFromSessionToken(sessionTokenOf(staff.admin))).resolves.toMatchObject({ id: staff.admin.id });
    expect(await signOutUserEverywhereAction.runWithContext(contextFor(staff.admin), { userId: "not-a-uuid" })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
  });

  it("an admin cannot demote or delete themselves", async () => {
    expect(await changeUserRoleAction.runWithContext(contextFor(staff.admin), { userId: staff.admin.id, role: "OPS" })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await deleteUserAction.runWithContext(contextFor(staff.admin), { userId: staff.admin.id })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
  });

  it("two admins demoting each other at once leave one administrator", async () => {
    await changeUserRoleAction.runWithContext(contextFor(staff.admin), { userId: staff.ops.id, role: "ADMIN" });
    const second = { ...staff.ops, role: "ADMIN" as const };
    const results = await Promise.all([
      changeUserRoleAction.runWithContext(contextFor(staff.admin), { userId: second.id, role: "OPS" }),
      changeUserRoleAction.runWithContext(contextFor(second), { userId: staff.admin.id, role: "OPS" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ error: { code: "CONFLICT", message: "The store needs at least one administrator" } });
    expect(await db.user.count({ where: { role: "ADMIN" } })).toBe(1);
  });

  it("an unknown user is NOT_FOUND", async () => {
    const ghost = "00000000-0000-4000-8000-000000000000";
    expect(await deleteUserAction.runWithContext(contextFor(staff.admin), { userId: ghost })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await resetUserPasswordAction.runWithContext(contextFor(staff.admin), { userId: ghost, password: "long-enough-password" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  });
});
