import { db, type Prisma } from "@/lib/db";
import type { OrderEventType, OrderStatus } from "@/generated/prisma/enums";
import { ConflictError, NotFoundError, OrderStateError, ValidationError } from "@/lib/errors";
import { afterStockChange } from "../after-commit";
import { enqueueStockNotifications } from "@/lib/alerts";
import { env } from "@/lib/env";

export type Tx = Prisma.TransactionClient;

export type LockedLine = {
  id: string; variantId: string; warehouseId: string; sku: string; warehouseCode: string;
  quantity: number; backorderedQuantity: number; fulfilledQuantity: number; cancelledQuantity: number;
  returnedQuantity: number; restockedQuantity: number; writtenOffQuantity: number; unitPriceCents: number;
};
export type LockedOrder = { id: string; number: number; sessionId: string; status: OrderStatus; email: string; name: string };

export type LineChange = { orderLineId: string; quantity: number };
export type TransitionResult = { eventId: string; orderId: string; status: OrderStatus; alreadyApplied: boolean; lines: LineChange[] };

type Work = (tx: Tx, order: LockedOrder, lines: LockedLine[]) => Promise<{ lines: LineChange[]; variantIds: string[]; warehouseId?: string | null }>;

export const openUnits = (l: LockedLine) => l.quantity - l.fulfilledQuantity - l.cancelledQuantity;
export const shippableUnits = (l: LockedLine) => openUnits(l) - l.backorderedQuantity;
export const awaitingInspection = (l: LockedLine) => l.returnedQuantity - l.restockedQuantity - l.writtenOffQuantity;

/**
 * Runs one order transition (fulfil, cancel, return, restock, write-off) in
 * one transaction, race-safe and idempotent:
 * - locks, in this order, every stock level of the order's variants (the
 *   global lock order, shared with holds, checkout and stock operations), the
 *   order row, then its lines — so two admins (or an admin and the shopper)
 *   acting on the same order run one after the other and the second decides
 *   on the first one's result;
 * - `eventId` (the form's key) is the OrderEvent's primary key: a retried
 *   request finds its event and changes nothing again;
 * - after the work, the order's status is recomputed from its lines, the
 *   event is recorded, and after commit every touched product's cache is
 *   dropped and its subscribers told (rule 4 of DESIGN.md).
 */
export async function runOrderTransition(
  input: { eventId: string; orderId: string; type: OrderEventType; actor: string; note?: string | null; trackingNumber?: string | null; refundCents?: number | null },
  work: Work,
  options: { sessionId?: string } = {},
): Promise<TransitionResult> {
  const result = await db.$transaction(async (tx) => {
    const variants = await tx.$queryRaw<{ variantId: string }[]>`
      select distinct "variantId" from "OrderLine" where "orderId" = ${input.orderId}::uuid order by 1`;
    if (variants.length) {
      await tx.$queryRaw`select 1 from "StockLevel" where "variantId" = any(${variants.map((v) => v.variantId)}::uuid[])
        order by "variantId", "id" for update`;
    }
    const [order] = await tx.$queryRaw<LockedOrder[]>`
      select "id", "number", "sessionId", "status", "email", "name" from "Order" where "id" = ${input.orderId}::uuid for update`;
    // A shopper asking about someone else's order learns nothing, not even that it exists.
    if (!order || (options.sessionId !== undefined && order.sessionId !== options.sessionId)) throw new NotFoundError("No such order");

    const previous = await tx.orderEvent.findUnique({ where: { id: input.eventId }, select: { orderId: true, type: true, lines: true } });
    if (previous) {
      if (previous.orderId !== order.id || previous.type !== input.type) throw new ConflictError("This form was already used for another action. Reload the page and try again.");
      return { eventId: input.eventId, orderId: order.id, status: order.status, alreadyApplied: true, lines: previous.lines as LineChange[], variantIds: [] as string[] };
    }

    const lines = await lockLines(tx, order.id);
    const done = await work(tx, order, lines);
    if (!done.lines.length) throw new OrderStateError("Nothing to do: no line of this order allows it", { orderId: order.id });

    const status = await refreshStatus(tx, order.id);
    await tx.orderEvent.create({
      data: {
        id: input.eventId, orderId: order.id, type: input.type, lines: done.lines, warehouseId: done.warehouseId ?? null,
        actor: input.actor, note: input.note ?? null, trackingNumber: input.trackingNumber ?? null, refundCents: input.refundCents ?? null,
      },
    });
    await enqueueOrderEmail(tx, order, input.type, status);
    if (done.variantIds.length) await enqueueStockNotifications(done.variantIds, { tx });
    return { eventId: input.eventId, orderId: order.id, status, alreadyApplied: false, lines: done.lines, variantIds: done.variantIds };
  });
  await afterStockChange(result.variantIds);
  return { eventId: result.eventId, orderId: result.orderId, status: result.status, alreadyApplied: result.alreadyApplied, lines: result.lines };
}

/** The order's lines, locked (the order row is locked first by the caller). */
export async function lockLines(tx: Tx, orderId: string): Promise<LockedLine[]> {
  return tx.$queryRaw<LockedLine[]>`
    select ol."id", ol."variantId", ol."warehouseId", v."sku", w."code" as "warehouseCode", ol."quantity", ol."backorderedQuantity",
      ol."fulfilledQuantity", ol."cancelledQuantity", ol."returnedQuantity", ol."restockedQuantity", ol."writtenOffQuantity", ol."unitPriceCents"
    from "OrderLine" ol join "ProductVariant" v on v."id" = ol."variantId" join "Warehouse" w on w."id" = ol."warehouseId"
    where ol."orderId" = ${orderId}::uuid order by ol."id" for update of ol`;
}

/** The order's status from its lines: nothing open and nothing shipped is cancelled. */
async function refreshStatus(tx: Tx, orderId: string): Promise<OrderStatus> {
  const [row] = await tx.$queryRaw<{ status: OrderStatus }[]>`
    update "Order" o set "status" = s.status::"OrderStatus", "updatedAt" = now()
    from (select case
        when sum(l."quantity" - l."fulfilledQuantity" - l."cancelledQuantity") = 0
          then case when sum(l."fulfilledQuantity") > 0 then 'FULFILLED' else 'CANCELLED' end
        when sum(l."fulfilledQuantity") > 0 then 'PARTIALLY_FULFILLED' else 'PLACED' end as status
      from "OrderLine" l where l."orderId" = ${orderId}::uuid) s
    where o."id" = ${orderId}::uuid
    returning o."status"`;
  return row!.status;
}

/** Which lines, how many: the chosen ones (each must belong to the order), or `all(line)` of every line. */
export function chooseLines(lines: LockedLine[], chosen: LineChange[] | undefined, all: (line: LockedLine) => number): { line: LockedLine; quantity: number }[] {
  if (!chosen) return lines.map((line) => ({ line, quantity: all(line) })).filter((c) => c.quantity > 0);
  const byId = new Map(lines.map((l) => [l.id, l]));
  return chosen.map((c) => {
    const line = byId.get(c.orderLineId);
    if (!line) throw new ValidationError("A chosen line is not part of this order", { lines: [`unknown line ${c.orderLineId}`] });
    return { line, quantity: c.quantity };
  });
}

export async function movement(
  tx: Tx,
  m: { line: LockedLine; orderId: string; type: "FULFILMENT" | "CANCELLATION" | "RETURN" | "RESTOCK" | "WRITE_OFF"; actor: string; notes?: string | null;
    onHand?: number; committed?: number; backordered?: number; unavailable?: number },
): Promise<void> {
  const { line } = m;
  const onHand = m.onHand ?? 0, committed = m.committed ?? 0, backordered = m.backordered ?? 0, unavailable = m.unavailable ?? 0;
  await tx.$executeRaw`update "StockLevel" set "onHand" = "onHand" + ${onHand}, "committed" = "committed" + ${committed},
    "backordered" = "backordered" + ${backordered}, "unavailable" = "unavailable" + ${unavailable}, "updatedAt" = now()
    where "variantId" = ${line.variantId}::uuid and "warehouseId" = ${line.warehouseId}::uuid`;
  await tx.inventoryMovement.create({
    data: {
      variantId: line.variantId, warehouseId: line.warehouseId, type: m.type, quantity: onHand, committedDelta: committed,
      backorderedDelta: backordered, unavailableDelta: unavailable, unavailableReason: unavailable ? "RETURN_INSPECTION" : null, reference: m.orderId, notes: m.notes ?? null, createdBy: m.actor,
    },
  });
}

const EMAIL_FOR: Partial<Record<OrderEventType, "ORDER_SHIPPED" | "ORDER_CANCELLED">> = { FULFILMENT: "ORDER_SHIPPED", CANCELLATION: "ORDER_CANCELLED" };

/**
 * Shipped and cancelled emails to the customer, through the outbox (same
 * transaction as the change) and the oldest enabled EMAIL channel's transport;
 * with no email channel configured, none is queued.
 */
export async function enqueueOrderEmail(tx: Tx, order: Pick<LockedOrder, "id" | "number" | "email" | "name">, type: OrderEventType | "PLACED", status: OrderStatus): Promise<void> {
  const kind = type === "PLACED" ? "ORDER_CONFIRMED" : EMAIL_FOR[type];
  if (!kind) return;
  const payload = {
    type: kind.toLowerCase(), to: order.email, name: order.name, orderId: order.id, orderNumber: `SR-${order.number}`, status,
    url: `${env.PUBLIC_BASE_URL.replace(/\/$/, "")}/orders/lookup`,
  };
  await tx.$executeRaw`insert into "Notification" ("kind", "channelId", "payload")
    select ${kind}::"NotificationKind", c."id", ${JSON.stringify(payload)}::jsonb from "AlertChannel" c
    where c."type" = 'EMAIL' and c."enabled" order by c."createdAt", c."id" limit 1`;
}
