import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatCents } from "@/components/admin/format";
import { CancelForm, DisposeForms, FulfilForm, ReturnForm, type ActionLine } from "@/components/admin/orders/order-action-forms";
import { OrderLinesTable } from "@/components/admin/orders/order-lines-table";
import { OrderStatusBadge, orderNumber } from "@/components/admin/orders/order-status-badge";
import { OrderTimeline } from "@/components/admin/orders/order-timeline";
import { cardStyles } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { getOrderDetail } from "@/lib/admin/order-detail";
import { requirePageUser } from "@/lib/auth/page-guard";
import { idSchema } from "@/lib/validation/inventory";

export const metadata: Metadata = { title: "Order" };
export const dynamic = "force-dynamic";

export default async function OrderDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePageUser("OPS", `/admin/orders/${encodeURIComponent(id)}`);
  if (!idSchema.safeParse(id).success) notFound();
  const order = await getOrderDetail(id);
  if (!order) notFound();
  // A fresh idempotency key per form on every render: a double submit reuses it (applied once); after success the refreshed page issues new ones.
  const eventIds = { fulfil: randomUUID(), cancel: randomUUID(), receiveReturn: randomUUID(), restock: randomUUID(), writeOff: randomUUID() };
  const lines: ActionLine[] = order.lines.map((l) => ({
    id: l.id, label: `${l.sku} @ ${l.warehouseCode}`, warehouseId: l.warehouseId, warehouseCode: l.warehouseCode, ...l.figures,
  }));
  const any = (pick: (l: ActionLine) => number) => lines.some((l) => pick(l) > 0);
  const address = [order.address.address1, order.address.address2, order.address.city, order.address.postalCode, order.address.country].filter(Boolean).join(", ");
  return (
    <div className="space-y-6">
      <div>
        <Link href="/admin/orders" className="text-sm text-brand-700 hover:underline">← Orders</Link>
        <h1 className="mt-1 flex items-center gap-3 text-2xl font-semibold tracking-tight">
          <span className="font-mono" data-testid="order-number">{orderNumber(order.number)}</span> <OrderStatusBadge status={order.status} />
        </h1>
        <p className="text-sm text-zinc-600">Placed <LocalTime value={order.createdAt} /> · total {formatCents(order.subtotalCents)}
          {order.refundedCents > 0 && <> · refunded {formatCents(order.refundedCents)}</>}
        </p>
      </div>

      <section className={`${cardStyles} grid gap-4 sm:grid-cols-2`} aria-labelledby="customer-heading">
        <div>
          <h2 id="customer-heading" className="text-sm font-medium uppercase tracking-wide text-zinc-500">Customer</h2>
          <p data-testid="order-customer">{order.name}</p>
          <p className="text-sm text-zinc-600">{order.email}</p>
        </div>
        <div>
          <h2 className="text-sm font-medium uppercase tracking-wide text-zinc-500">Ship to</h2>
          <p className="text-sm" data-testid="order-address">{address || "—"}</p>
        </div>
      </section>

      <section className={cardStyles} aria-labelledby="lines-heading">
        <h2 id="lines-heading" className="mb-3 text-lg font-semibold">Lines</h2>
        <OrderLinesTable lines={order.lines} />
      </section>

      <section aria-labelledby="actions-heading" className="space-y-3">
        <h2 id="actions-heading" className="text-lg font-semibold">Actions</h2>
        {!any((l) => l.open) && !any((l) => l.returnable) && !any((l) => l.awaitingInspection) && (
          <p className="text-sm text-zinc-600">Nothing left to do: every unit is shipped, cancelled or inspected.</p>
        )}
        <div className="grid gap-4 lg:grid-cols-2">
          {any((l) => l.open) && <FulfilForm orderId={order.id} eventId={eventIds.fulfil} lines={lines} />}
          {any((l) => l.open) && <CancelForm orderId={order.id} eventId={eventIds.cancel} lines={lines} />}
          {any((l) => l.returnable) && <ReturnForm orderId={order.id} eventId={eventIds.receiveReturn} lines={lines} />}
          {any((l) => l.awaitingInspection) && <DisposeForms orderId={order.id} eventIds={eventIds} lines={lines} />}
        </div>
      </section>

      <section className={cardStyles} aria-labelledby="timeline-heading">
        <h2 id="timeline-heading" className="mb-3 text-lg font-semibold">Timeline</h2>
        <OrderTimeline entries={order.timeline} lines={order.lines} />
      </section>
    </div>
  );
}
