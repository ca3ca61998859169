import { formatCents, formatSigned, MOVEMENT_LABELS } from "@/components/admin/format";
import { LocalTime } from "@/components/ui/local-time";
import type { OrderDetailLine, OrderMovementRow, TimelineEntry } from "@/lib/admin/order-detail";

const EVENT_LABELS = { FULFILMENT: "Fulfilled", CANCELLATION: "Cancelled", RETURN: "Return received", RESTOCK: "Returned units restocked", WRITE_OFF: "Returned units written off" } as const;
const LEDGER_LABELS: Record<string, string> = { COMMIT: "Order placed: units committed", ALLOCATION: "Backorder covered by stock" };

function Deltas({ m }: { m: OrderMovementRow }) {
  const parts = [["on hand", m.onHand], ["committed", m.committed], ["backordered", m.backordered], ["unavailable", m.unavailable]] as const;
  return (
    <li className="font-mono text-xs text-zinc-600" data-testid="timeline-movement" data-type={m.type}>
      {m.sku} @ {m.warehouseCode}: {parts.filter(([, n]) => n !== 0).map(([label, n]) => `${label} ${formatSigned(n)}`).join(", ") || "no quantity change"}
      {m.notes && <span className="font-sans text-zinc-500"> — {m.notes}</span>}
    </li>
  );
}

/** The order's history, oldest first: each action with who, when, tracking and refund, and the ledger rows behind it. */
export function OrderTimeline({ entries, lines }: { entries: TimelineEntry[]; lines: OrderDetailLine[] }) {
  if (!entries.length) return <p className="text-sm text-zinc-600">Nothing has happened to this order yet.</p>;
  const skuOf = new Map(lines.map((l) => [l.id, `${l.sku} @ ${l.warehouseCode}`]));
  return (
    <ol className="space-y-4 border-l border-zinc-200 pl-4" data-testid="order-timeline">
      {entries.map((entry, i) => {
        const title = entry.kind === "event" ? EVENT_LABELS[entry.event.type] : (LEDGER_LABELS[entry.type] ?? MOVEMENT_LABELS[entry.type] ?? entry.type);
        const actor = entry.kind === "event" ? entry.event.actor : entry.actor;
        return (
          <li key={i} data-testid="timeline-entry" data-kind={entry.kind} data-type={entry.kind === "event" ? entry.event.type : entry.type}>
            <p className="text-sm">
              <span className="font-medium">{title}</span>{" "}
              <span className="text-zinc-500">
                <LocalTime value={entry.at} /> · {actor ?? "system"}
              </span>
            </p>
            {entry.kind === "event" && (
              <ul className="text-sm text-zinc-700">
                {entry.event.lines.map((l) => (
                  <li key={l.orderLineId}>{l.quantity} × {skuOf.get(l.orderLineId) ?? "a line no longer on the order"}</li>
                ))}
                {entry.event.trackingNumber && <li>Tracking: <span className="font-mono" data-testid="tracking-number">{entry.event.trackingNumber}</span></li>}
                {entry.event.warehouseCode && <li>From {entry.event.warehouseCode}</li>}
                {entry.event.refundCents !== null && <li>Refund: <span data-testid="refund">{formatCents(entry.event.refundCents)}</span></li>}
                {entry.event.note && <li className="text-zinc-600">“{entry.event.note}”</li>}
              </ul>
            )}
            {entry.movements.length > 0 && <ul className="mt-1 space-y-0.5">{entry.movements.map((m) => <Deltas key={m.id} m={m} />)}</ul>}
          </li>
        );
      })}
    </ol>
  );
}
