"use server";

import { defineAction } from "@/lib/actions";
import { audited, diffSnapshots, recordAudit } from "@/lib/admin/audit";
import { userLabel, userSnapshot } from "@/lib/admin/audit-snapshots";
import { revokeUserSessions } from "@/lib/auth/admin-sessions";
import { changeRoleSchema, changeUserRole, createUser, createUserSchema, deleteUser, deleteUserSchema, resetPasswordSchema, resetUserPassword } from "@/lib/admin/users";

// Managing users is ADMIN-only. A role change or deletion takes effect on the
// user's next request: sessions re-read the role from the database each time.

export const createUserAction = defineAction({
  name: "users.create",
  access: "ADMIN",
  input: createUserSchema,
  handler: async (input, { user: actor }) => {
    const user = await createUser(input);
    await recordAudit({ actorEmail: actor.email, action: "user.create", target: user.email, changes: diffSnapshots(null, await userSnapshot(user.id)) });
    return { id: user.id, email: user.email };
  },
});

export const changeUserRoleAction = defineAction({
  name: "users.changeRole",
  access: "ADMIN",
  input: changeRoleSchema,
  handler: async (input, { user }) =>
    audited(
      { actorEmail: user.email, action: "user.role", target: await userLabel(input.userId) },
      () => userSnapshot(input.userId),
      () => changeUserRole({ ...input, actorId: user.id }),
    ),
});

export const resetUserPasswordAction = defineAction({
  name: "users.resetPassword",
  access: "ADMIN",
  input: resetPasswordSchema,
  handler: async (input, { user }) => {
    await resetUserPassword(input);
    // The password itself is never recorded; that it changed (and ended every session) is.
    await recordAudit({ actorEmail: user.email, action: "user.password", target: await userLabel(input.userId), changes: { password: "changed", sessions: "all ended" } });
  },
});

export const deleteUserAction = defineAction({
  name: "users.delete",
  access: "ADMIN",
  input: deleteUserSchema,
  handler: async (input, { user }) =>
    audited(
      { actorEmail: user.email, action: "user.delete", target: await userLabel(input.userId) },
      () => userSnapshot(input.userId),
      () => deleteUser({ ...input, actorId: user.id }),
    ),
});

/** An admin ends every session of a user (a device lost, someone left the team). */
export const signOutUserEverywhereAction = defineAction({
  name: "users.signOutEverywhere",
  access: "ADMIN",
  input: deleteUserSchema,
  handler: async ({ userId }, { user }) => {
    const ended = await revokeUserSessions(userId);
    await recordAudit({ actorEmail: user.email, action: "user.sign_out_everywhere", target: await userLabel(userId), changes: { sessionsEnded: ended } });
    return { ended };
  },
});
