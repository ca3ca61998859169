import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { cardStyles } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { AUDIT_AREAS, auditQuerySchema, listAuditEvents } from "@/lib/admin/audit-log";
import { requirePageUser } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Audit trail" };
export const dynamic = "force-dynamic";

const AREA_LABELS: Record<(typeof AUDIT_AREAS)[number], string> = {
  auth: "Sign-ins",
  user: "Users",
  variant: "Variant settings",
  threshold: "Thresholds",
  channel: "Alert channels",
  flash_sale: "Flash sales",
};

const show = (value: unknown) => (value === null || value === undefined || value === "" ? "—" : typeof value === "object" ? JSON.stringify(value) : String(value));

function Change({ field, value }: { field: string; value: unknown }) {
  const pair = value && typeof value === "object" && "from" in value && "to" in value ? (value as { from: unknown; to: unknown }) : null;
  return (
    <li>
      <span className="font-medium">{field}</span>:{" "}
      {pair ? <>{show(pair.from)} <span aria-label="changed to">→</span> {show(pair.to)}</> : show(value)}
    </li>
  );
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser("ADMIN", "/admin/audit");
  const raw = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const query = auditQuerySchema.parse({ area: first(raw.area), before: first(raw.before) });
  const { rows, olderThan } = await listAuditEvents(query);
  const href = (params: Record<string, string | undefined>) => {
    const search = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1])));
    return `/admin/audit${search.size ? `?${search}` : ""}`;
  };
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Audit trail</h1>
      <p className="max-w-2xl text-sm text-zinc-600">
        Every change to settings, thresholds, alert channels, users and roles, flash sales, and every sign-in and sign-out: who,
        when, and each field from → to. Stock movements are in each variant&apos;s history. Entries can never be edited or removed.
      </p>
      <nav aria-label="Filter by area" className="flex flex-wrap gap-2 text-sm">
        {[undefined, ...AUDIT_AREAS].map((area) => (
          <Link key={area ?? "all"} href={href({ area })} aria-current={query.area === area ? "page" : undefined}
            className={`rounded-md px-3 py-1.5 ${query.area === area ? "bg-brand-50 font-medium text-brand-700" : "text-zinc-700 hover:bg-zinc-100"}`}>
            {area ? AREA_LABELS[area] : "Everything"}
          </Link>
        ))}
      </nav>
      <section className={cardStyles}>
        <Table data-testid="audit-table" frameLabel="Audit log">
          <caption className="sr-only">Admin changes, newest first</caption>
          <thead>
            <tr><Th>When</Th><Th>Who</Th><Th>What</Th><Th>Target</Th><Th>Changes</Th></tr>
          </thead>
          <tbody>
            {rows.length === 0 && <EmptyRow colSpan={5}>Nothing recorded yet.</EmptyRow>}
            {rows.map((row) => (
              <tr key={row.id} data-action={row.action}>
                <Td className="whitespace-nowrap"><LocalTime value={row.at} /></Td>
                <Td>{row.actorEmail ?? <span className="text-zinc-500">anonymous</span>}{row.ip && <span className="block text-xs text-zinc-500">{row.ip}</span>}</Td>
                <Td><Badge>{row.action}</Badge></Td>
                <Td>{row.target}</Td>
                <Td>
                  <ul className="space-y-0.5 text-xs">
                    {Object.entries(row.changes).map(([field, value]) => <Change key={field} field={field} value={value} />)}
                  </ul>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
        {olderThan && (
          <p className="pt-3 text-right text-sm">
            <Link href={href({ area: query.area, before: olderThan })} className="text-brand-700 hover:underline" rel="next">Older entries →</Link>
          </p>
        )}
      </section>
    </div>
  );
}
