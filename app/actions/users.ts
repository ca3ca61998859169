"use server";

import { defineAction } from "@/lib/actions";
import { revokeUserSessions } from "@/lib/auth/admin-sessions";
import { changeRoleSchema, changeUserRole, createUser, createUserSchema, deleteUser, deleteUserSchema, resetPasswordSchema, resetUserPassword } from "@/lib/admin/users";

// Managing users is ADMIN-only. A role change or deletion takes effect on the
// user's next request: sessions re-read the role from the database each time.

export const createUserAction = defineAction({
  name: "users.create",
  access: "ADMIN",
  input: createUserSchema,
  handler: async (input) => {
    const user = await createUser(input);
    return { id: user.id, email: user.email };
  },
});

export const changeUserRoleAction = defineAction({
  name: "users.changeRole",
  access: "ADMIN",
  input: changeRoleSchema,
  handler: (input, { user }) => changeUserRole({ ...input, actorId: user.id }),
});

export const resetUserPasswordAction = defineAction({
  name: "users.resetPassword",
  access: "ADMIN",
  input: resetPasswordSchema,
  handler: (input) => resetUserPassword(input),
});

export const deleteUserAction = defineAction({
  name: "users.delete",
  access: "ADMIN",
  input: deleteUserSchema,
  handler: (input, { user }) => deleteUser({ ...input, actorId: user.id }),
});

/** An admin ends every session of a user (a device lost, someone left the team). */
export const signOutUserEverywhereAction = defineAction({
  name: "users.signOutEverywhere",
  access: "ADMIN",
  input: deleteUserSchema,
  handler: async ({ userId }) => ({ ended: await revokeUserSessions(userId) }),
});
