import { pgPool } from "@/lib/db";
import type { MovementType, OrderEventType, OrderStatus } from "@/generated/prisma/enums";
import { lineFigures, type LineCounters, type LineFigures } from "@/lib/store/order-lines";

export type OrderDetailLine = LineCounters & {
  id: string; variantId: string; sku: string; productName: string; variantTitle: string;
  warehouseId: string; warehouseCode: string; warehouseName: string; preorder: boolean; unitPriceCents: number;
  figures: LineFigures;
};

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

export type OrderDetail = {
  id: string; number: number; status: OrderStatus; email: string; name: string; address: Record<string, string>;
  subtotalCents: number; createdAt: Date; updatedAt: Date;
  lines: OrderDetailLine[];
  timeline: TimelineEntry[];
  /** Σ refunds recorded on returns, in cents. */
  refundedCents: number;
};

/** The ledger rows of one order are bounded by its lines × actions; this only guards a pathological one. */
const MAX_TIMELINE_MOVEMENTS = 1_000;

/** Everything /admin/orders/[id] shows: the order, its lines with their states, and the timeline. Null when unknown. */
export async function getOrderDetail(orderId: string): Promise<OrderDetail | null> {
  const pool = pgPool();
  const [order, lines, events, movements] = await Promise.all([
    pool.query<Omit<OrderDetail, "lines" | "timeline" | "refundedCents">>(
      `select "id", "number", "status", "email", "name", "address", "subtotalCents", "createdAt", "updatedAt" from "Order" where "id" = $1::uuid`, [orderId]),
    pool.query<Omit<OrderDetailLine, "figures">>(
      `select l."id", l."variantId", v."sku", p."name" as "productName", v."title" as "variantTitle", l."warehouseId", w."code" as "warehouseCode",
         w."name" as "warehouseName", l."preorder", l."unitPriceCents", l."quantity", l."backorderedQuantity", l."fulfilledQuantity",
         l."cancelledQuantity", l."returnedQuantity", l."restockedQuantity", l."writtenOffQuantity"
       from "OrderLine" l join "ProductVariant" v on v."id" = l."variantId" join "Product" p on p."id" = v."productId"
       join "Warehouse" w on w."id" = l."warehouseId"
       where l."orderId" = $1::uuid order by p."name", v."title", w."priority", l."id"`, [orderId]),
    pool.query<OrderEventRow>(
      `select e."id", e."type", e."actor", e."note", e."trackingNumber", e."refundCents", w."code" as "warehouseCode", e."createdAt", e."lines"
       from "OrderEvent" e left join "Warehouse" w on w."id" = e."warehouseId"
       where e."orderId" = $1::uuid order by e."createdAt", e."id"`, [orderId]),
    pool.query<OrderMovementRow>(
      `select m."id"::text as id, m."type", m."variantId", v."sku", w."code" as "warehouseCode", m."createdAt", m."createdBy", m."notes",
         m."quantity" as "onHand", m."committedDelta" as committed, m."backorderedDelta" as backordered, m."unavailableDelta" as unavailable
       from "InventoryMovement" m join "ProductVariant" v on v."id" = m."variantId" join "Warehouse" w on w."id" = m."warehouseId"
       where m."reference" = $1 order by m."id" limit ${MAX_TIMELINE_MOVEMENTS}`, [orderId]),
  ]);
  const head = order.rows[0];
  if (!head) return null;
  return {
    ...head,
    address: (head.address ?? {}) as Record<string, string>,
    lines: lines.rows.map((l) => ({ ...l, figures: lineFigures(l) })),
    timeline: buildTimeline(events.rows, movements.rows),
    refundedCents: events.rows.reduce((sum, e) => sum + (e.refundCents ?? 0), 0),
  };
}

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
