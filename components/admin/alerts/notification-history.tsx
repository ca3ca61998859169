import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
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
            href={value ? `/admin/alerts?tab=history&status=${value}` : "/admin/alerts?tab=history"}
            aria-current={status === value ? "page" : undefined}
            className="rounded-full border border-zinc-300 px-3 py-1 aria-[current=page]:border-brand-600 aria-[current=page]:bg-brand-50"
          >
            {label}
            {value ? ` (${history.byStatus[value]})` : ""}
          </Link>
        ))}
      </nav>
      <Table frameClassName="rounded-lg border border-zinc-200 bg-white" frameLabel="Notification history">
        <caption className="sr-only">Notifications sent, newest first</caption>
        <thead>
          <tr><Th>When</Th><Th>What</Th><Th>Channel</Th><Th>Status</Th><Th><span className="sr-only">Actions</span></Th></tr>
        </thead>
        <tbody>
          {history.items.map((n) => (
            <tr key={n.id}>
              <Td className="whitespace-nowrap text-zinc-600"><LocalTime value={n.createdAt} /></Td>
              <Td><span className="text-xs font-medium uppercase text-zinc-500">{n.kind.replaceAll("_", " ").toLowerCase()}</span><br />{n.summary}</Td>
              <Td>{n.channelName}</Td>
              <Td>
                <Badge tone={TONE[n.status]}>{n.status.toLowerCase()}</Badge>
                <span className="ml-2 text-xs text-zinc-500">{n.attempts} attempt{n.attempts === 1 ? "" : "s"}</span>
                {n.lastError ? <p className="mt-1 max-w-xs truncate text-xs text-red-700" title={n.lastError}>{n.lastError}</p> : null}
                {n.status === "PENDING" && n.attempts > 0 ? <p className="text-xs text-zinc-500">next try <LocalTime value={n.nextAttemptAt} format="time" /></p> : null}
              </Td>
              <Td>{n.status === "DEAD" ? <RetryButton id={n.id} /> : null}</Td>
            </tr>
          ))}
          {!history.items.length ? <EmptyRow colSpan={5}>Nothing sent yet.</EmptyRow> : null}
        </tbody>
      </Table>
      {history.nextCursor ? (
        <Link href={`/admin/alerts?${new URLSearchParams({ ...(status ? { status } : {}), cursor: history.nextCursor })}#history-heading`} className="text-sm text-brand-600 hover:underline">
          Older →
        </Link>
      ) : null}
    </section>
  );
}
