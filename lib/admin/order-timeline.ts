import type { MovementType, OrderEventType } from "@/generated/prisma/enums";

export type OrderEventRow = {
  id: string; type: OrderEventType; actor: string; note: string | null; trackingNumber: string | null; refundCents: number | null;
  warehouseCode: string | null; createdAt: Date; lines: { orderLineId: string; quantity: number }[];
};

export type OrderMovementRow = {
  id: string; type: MovementType; variantId: string; sku: string; warehouseCode: string; createdAt: Date; createdBy: string | null; notes: string | null;
  onHand: number; committed: number; backordered: number; unavailable: number;
};

/** One entry of the order's timeline: an action on the order (with its ledger rows), or ledger rows of their own (placed, backorder covered). */
export type TimelineEntry =
  | { kind: "event"; at: Date; event: OrderEventRow; movements: OrderMovementRow[] }
  | { kind: "ledger"; at: Date; type: MovementType; actor: string | null; movements: OrderMovementRow[] };

/** Ledger rows written in the same transaction as their event are at most this much older than it. */
const SAME_TRANSACTION_MS = 10_000;

/**
 * Merges the order's events (who, tracking, refund) with its ledger rows
 * (what moved where). A transition writes its movements, then its event, in
 * one transaction, so each event takes the unclaimed movements of its own type
 * and actor written just before it. Rows no event claims — the commit at
 * checkout, backorders covered by a receipt elsewhere — are grouped by type,
 * actor and time into entries of their own. Oldest first.
 */
export function buildTimeline(events: OrderEventRow[], movements: OrderMovementRow[]): TimelineEntry[] {
  const claimed = new Set<string>();
  const entries: TimelineEntry[] = events.map((event) => {
    const mine = movements.filter((m) => !claimed.has(m.id) && m.type === event.type && (m.createdBy ?? "") === event.actor
      && m.createdAt.getTime() <= event.createdAt.getTime() && event.createdAt.getTime() - m.createdAt.getTime() <= SAME_TRANSACTION_MS);
    for (const m of mine) claimed.add(m.id);
    return { kind: "event", at: event.createdAt, event, movements: mine };
  });
  let group: Extract<TimelineEntry, { kind: "ledger" }> | null = null;
  for (const m of movements) {
    if (claimed.has(m.id)) continue;
    if (group && group.type === m.type && group.actor === m.createdBy && group.at.getTime() === m.createdAt.getTime()) {
      group.movements.push(m);
      continue;
    }
    group = { kind: "ledger", at: m.createdAt, type: m.type, actor: m.createdBy, movements: [m] };
    entries.push(group);
  }
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime() || (a.kind === b.kind ? 0 : a.kind === "ledger" ? -1 : 1));
}
