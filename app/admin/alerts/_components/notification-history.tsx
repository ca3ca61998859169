import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { listNotifications } from "@/lib/alerts/history";
import { RetryButton } from "./retry-button";

const TONE: Record<string, BadgeTone> = { PENDING: "warning", DELIVERED: "success", DEAD: "danger" };

/** Delivery history of the outbox, newest first, with dead letters retryable. */
export function NotificationHistory({ history, status }: { history: Awaited<ReturnType<typeof listNotifications>>; status?: string }) {
  const filters = [["All", undefined], ["Pending", "PENDING"], ["Delivered", "DELIVERED"], ["Dead", "DEAD"]] as const;
  return (
    <section aria-labelledby="history-heading" className="space-y-3">
      <h2 id="history-heading" className="text-lg font-semibold">History</h2>
      <nav aria-label="Filter by status" className="flex flex-wrap gap-2 text-sm">
        {filters.map(([label, value]) => (
          <Link
            key={label}
            href={value ? `/admin/alerts?status=${value}#history-heading` : "/admin/alerts#history-heading"}
            aria-current={status === value ? "page" : undefined}
            className="rounded-full border border-zinc-300 px-3 py-1 aria-[current=page]:border-brand-600 aria-[current=page]:bg-brand-50"
          >
            {label}
            {value ? ` (${history.byStatus[value]})` : ""}
          </Link>
        ))}
      </nav>
      <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-zinc-50 text-xs uppercase text-zinc-500">
            <tr><th className="p-3">When</th><th className="p-3">What</th><th className="p-3">Channel</th><th className="p-3">Status</th><th className="p-3"><span className="sr-only">Actions</span></th></tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {history.items.map((n) => (
              <tr key={n.id}>
                <td className="whitespace-nowrap p-3 text-zinc-600"><time dateTime={n.createdAt.toISOString()}>{n.createdAt.toLocaleString("en")}</time></td>
                <td className="p-3"><span className="text-xs font-medium uppercase text-zinc-500">{n.kind.replaceAll("_", " ").toLowerCase()}</span><br />{n.summary}</td>
                <td className="p-3">{n.channelName}</td>
                <td className="p-3">
                  <Badge tone={TONE[n.status]}>{n.status.toLowerCase()}</Badge>
                  <span className="ml-2 text-xs text-zinc-500">{n.attempts} attempt{n.attempts === 1 ? "" : "s"}</span>
                  {n.lastError ? <p className="mt-1 max-w-xs truncate text-xs text-red-700" title={n.lastError}>{n.lastError}</p> : null}
                  {n.status === "PENDING" && n.attempts > 0 ? <p className="text-xs text-zinc-500">next try {n.nextAttemptAt.toLocaleTimeString("en")}</p> : null}
                </td>
                <td className="p-3">{n.status === "DEAD" ? <RetryButton id={n.id} /> : null}</td>
              </tr>
            ))}
            {!history.items.length ? <tr><td colSpan={5} className="p-6 text-center text-zinc-500">Nothing sent yet.</td></tr> : null}
          </tbody>
        </table>
      </div>
      {history.nextCursor ? (
        <Link href={`/admin/alerts?${new URLSearchParams({ ...(status ? { status } : {}), cursor: history.nextCursor })}#history-heading`} className="text-sm text-brand-600 hover:underline">
          Older →
        </Link>
      ) : null}
    </section>
  );
}
