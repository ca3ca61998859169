import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { cardStyles } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { CreateUserForm, UserRowForms } from "@/components/admin/user-forms";
import { listUsers } from "@/lib/admin/users";
import { requirePageUser } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Users" };
export const dynamic = "force-dynamic";

export default async function UsersPage() {
  const me = await requirePageUser("ADMIN", "/admin/users");
  const users = await listUsers();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Users</h1>
      <p className="max-w-2xl text-sm text-zinc-600">
        OPS users move stock and upload files; ADMIN users also change selling settings, alerts and users. Changes apply on the
        user&apos;s next click. You cannot remove your own administrator access, and the store always keeps one administrator.
      </p>
      <section className={cardStyles} aria-labelledby="add-user">
        <h2 id="add-user" className="mb-3 font-medium">Add a user</h2>
        <CreateUserForm />
      </section>
      <section className={cardStyles} aria-labelledby="user-list">
        <h2 id="user-list" className="mb-3 font-medium">{users.length} users</h2>
        <ul className="divide-y divide-zinc-100">
          {users.map((user) => (
            <li key={user.id} className="flex flex-col gap-2 py-3 lg:flex-row lg:items-center lg:justify-between" data-testid="user-row">
              <p className="min-w-0">
                <span className="font-medium">{user.name}</span> <span className="text-zinc-600">{user.email}</span>{" "}
                <Badge>{user.role}</Badge>
                {user.id === me.id && <span className="ml-2 text-xs text-zinc-500">(you)</span>}
                <span className="ml-2 text-xs text-zinc-500">since <LocalTime value={user.createdAt} format="date" /></span>
                <span className="ml-2 text-xs text-zinc-500" data-testid="active-sessions">
                  {user.activeSessions === 0 ? "not signed in" : `signed in on ${user.activeSessions} ${user.activeSessions === 1 ? "device" : "devices"}`}
                </span>
              </p>
              <UserRowForms user={user} isSelf={user.id === me.id} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
