import type { Metadata } from "next";
import { cookies } from "next/headers";
import { SignOutEverywhereButton } from "@/components/admin/sign-out-everywhere-button";
import { cardStyles } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { Table, Td, Th } from "@/components/ui/table";
import { ADMIN_COOKIE, sessionIdFromToken } from "@/lib/auth/admin-session";
import { listActiveSessions } from "@/lib/auth/admin-sessions";
import { requirePageUser } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Your account" };
export const dynamic = "force-dynamic";

export default async function AccountPage() {
  const user = await requirePageUser("OPS", "/admin/account");
  const [sessions, jar] = await Promise.all([listActiveSessions(user.id), cookies()]);
  const current = sessionIdFromToken(jar.get(ADMIN_COOKIE)?.value);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Your account</h1>
      <p className="text-sm text-zinc-600">
        {user.name} · {user.email} · {user.role}
      </p>
      <section className={cardStyles} aria-labelledby="sessions-heading">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
          <h2 id="sessions-heading" className="font-medium">
            Signed in on {sessions.length} {sessions.length === 1 ? "device" : "devices"}
          </h2>
          <SignOutEverywhereButton sessions={sessions.length} />
        </div>
        <Table data-testid="sessions-table" frameLabel="Sessions">
          <caption className="sr-only">Where you are signed in</caption>
          <thead>
            <tr>
              <Th>Device</Th>
              <Th>IP address</Th>
              <Th>Signed in</Th>
              <Th>Last seen</Th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id} data-current={s.id === current ? "true" : undefined}>
                <Td>
                  {s.userAgent ?? "Unknown device"}
                  {s.id === current && <span className="ml-2 text-xs font-medium text-emerald-700">this device</span>}
                </Td>
                <Td>{s.ip ?? "—"}</Td>
                <Td><LocalTime value={s.createdAt} /></Td>
                <Td><LocalTime value={s.lastSeenAt} format="relative" /></Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </section>
    </div>
  );
}
