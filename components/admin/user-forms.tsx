"use client";

import { changeUserRoleAction, createUserAction, deleteUserAction, resetUserPasswordAction, signOutUserEverywhereAction } from "@/app/actions/users";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { FormDialog } from "@/components/ui/form-dialog";
import { SelectField, TextField } from "@/components/ui/field";

function RoleOptions() {
  return (
    <>
      <option value="OPS">OPS — stock operations and uploads</option>
      <option value="ADMIN">ADMIN — everything, including settings and users</option>
    </>
  );
}

export function CreateUserForm() {
  return (
    <ActionForm action={createUserAction} label="Add a user" submitLabel="Add user" success="User added">
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="email" label="Email" type="email" autoComplete="off" required />
        <TextField name="name" label="Name" required />
        <SelectField name="role" label="Role" defaultValue="OPS">
          <RoleOptions />
        </SelectField>
        <TextField name="password" label="Initial password" type="password" autoComplete="new-password" hint="At least 12 characters; share it privately" required />
      </div>
    </ActionForm>
  );
}

/**
 * A user's row actions: role and password are edited in dialogs (a row stays
 * one line of buttons); signing out everywhere and deleting ask first.
 */
export function UserRowForms({ user, isSelf }: { user: { id: string; email: string; role: string; activeSessions: number }; isSelf: boolean }) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <FormDialog
        title={`Role of ${user.email}`}
        description="Changes apply on their next click."
        trigger={<Button variant="secondary" size="sm" disabled={isSelf} title={isSelf ? "You cannot change your own role" : undefined}>Change role…</Button>}
      >
        {(close) => (
          <ActionForm action={changeUserRoleAction} label={`Role of ${user.email}`} submitLabel="Change role" success="Role changed" resetOnSuccess={false} onSuccess={close}>
            <input type="hidden" name="userId" value={user.id} />
            <SelectField name="role" label="Role" defaultValue={user.role}>
              <RoleOptions />
            </SelectField>
          </ActionForm>
        )}
      </FormDialog>
      <FormDialog title={`New password for ${user.email}`} description="Share it with them privately; their other sessions stay signed in." trigger={<Button variant="secondary" size="sm">Set password…</Button>}>
        {(close) => (
          <ActionForm action={resetUserPasswordAction} label={`New password for ${user.email}`} submitLabel="Set password" success="Password changed" onSuccess={close}>
            <input type="hidden" name="userId" value={user.id} />
            <TextField name="password" label="New password" type="password" autoComplete="new-password" hint="At least 12 characters" />
          </ActionForm>
        )}
      </FormDialog>
      {!isSelf && user.activeSessions > 0 && (
        <ActionForm
          action={signOutUserEverywhereAction}
          label={`Sign ${user.email} out everywhere`}
          submitLabel="Sign out everywhere"
          success="Signed out everywhere"
          layout="inline"
          confirm={{ title: `Sign ${user.email} out everywhere?`, description: `Ends their ${user.activeSessions === 1 ? "session" : `${user.activeSessions} sessions`} on every device at once. They can sign in again with their password.`, confirmLabel: "Sign out everywhere" }}
        >
          <input type="hidden" name="userId" value={user.id} />
        </ActionForm>
      )}
      {!isSelf && (
        <ActionForm
          action={deleteUserAction}
          label={`Delete ${user.email}`}
          submitLabel="Delete user"
          success="User deleted"
          layout="inline"
          confirm={{ title: `Delete ${user.email}?`, description: "They can no longer sign in. Stock movements they recorded stay in the ledger. This cannot be undone.", confirmLabel: "Delete user" }}
        >
          <input type="hidden" name="userId" value={user.id} />
        </ActionForm>
      )}
    </div>
  );
}
