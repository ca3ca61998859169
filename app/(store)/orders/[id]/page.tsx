import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CircleCheck } from "lucide-react";
import { CancelOrderForm } from "@/components/store/cancel-order-form";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { grantedOrderIds } from "@/lib/auth/order-access";
import { cartSessionId } from "@/lib/auth/request-context";
import { formatMoney } from "@/lib/store/money";
import type { LineFigures } from "@/lib/store/order-lines";
import { getShopperOrder, type ShopperOrder } from "@/lib/store/orders";
import { variantLabel } from "@/lib/store/variant-display";
import { idSchema } from "@/lib/validation/inventory";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your order" };

const STATUS: Record<ShopperOrder["status"], { label: string; tone: BadgeTone }> = {
  PLACED: { label: "Confirmed", tone: "info" },
  PARTIALLY_FULFILLED: { label: "Partly shipped", tone: "warning" },
  FULFILLED: { label: "Shipped", tone: "success" },
  CANCELLED: { label: "Cancelled", tone: "neutral" },
};

/** What the shopper needs to know per item: shipped, being prepared, waiting for stock, cancelled, returned. */
function lineStatus(f: LineFigures, preorder: boolean): { key: string; text: string; tone: BadgeTone }[] {
  const parts = [
    { key: "shipped", n: f.fulfilled - f.returned, text: "shipped", tone: "success" as const },
    { key: "preparing", n: f.committed, text: "preparing to ship", tone: "info" as const },
    { key: "backordered", n: f.backordered, text: preorder ? "pre-ordered: ships on release" : "backordered: ships when restocked", tone: "warning" as const },
    { key: "cancelled", n: f.cancelled, text: "cancelled", tone: "neutral" as const },
    { key: "returned", n: f.returned, text: "returned", tone: "neutral" as const },
  ];
  return parts.filter((p) => p.n > 0).map((p) => ({ key: p.key, text: `${p.n} ${p.text}`, tone: p.tone }));
}

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!idSchema.safeParse(id).success) notFound();
  const order = await getShopperOrder(id, { sessionId: await cartSessionId({ create: false }), grantedOrderIds: await grantedOrderIds() });
  if (!order) notFound();
  const status = STATUS[order.status];
  const shippedAny = order.lines.some((l) => l.figures.fulfilled > 0);
  return (
    <section className="mx-auto max-w-2xl space-y-6" data-testid="order-confirmation">
      <div className="space-y-1">
        <p className="text-sm"><Link href="/orders" className="text-brand-700 hover:underline">← Your orders</Link></p>
        <div className="flex flex-wrap items-center gap-3">
          {order.status === "PLACED" && <CircleCheck aria-hidden className="size-8 text-emerald-600" />}
          <h1 className="text-3xl font-semibold tracking-tight">
            Order <span className="font-mono" data-testid="order-number">SR-{order.number}</span>
          </h1>
          <Badge tone={status.tone} data-testid="order-status" data-status={order.status}>{status.label}</Badge>
        </div>
        <p className="text-zinc-700">
          Thank you, {order.name}! Placed <LocalTime value={order.createdAt} />; updates go to {order.email}.
        </p>
      </div>
      <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 bg-white">
        {order.lines.map((line) => (
          <li key={line.variantId} className="flex justify-between gap-4 p-4" data-testid="order-line">
            <div className="space-y-1">
              <p className="font-medium">{line.productName}</p>
              <p className="text-sm text-zinc-600">
                {variantLabel(line.variantTitle) ? `${variantLabel(line.variantTitle)} × ${line.figures.ordered}` : `Quantity ${line.figures.ordered}`}
              </p>
              <p className="flex flex-wrap gap-1">
                {lineStatus(line.figures, line.preorder).map((s) => (
                  <Badge key={s.key} tone={s.tone} data-testid="line-status" data-state={s.key}>{s.text}</Badge>
                ))}
              </p>
            </div>
            <span>{formatMoney(line.figures.ordered * line.unitPriceCents)}</span>
          </li>
        ))}
      </ul>
      <p className="flex justify-between text-lg font-semibold"><span>Total</span><span data-testid="order-total">{formatMoney(order.subtotalCents)}</span></p>
      {order.trackingNumbers.length > 0 && (
        <p className="text-sm text-zinc-700">Tracking: <span className="font-mono">{order.trackingNumbers.join(", ")}</span></p>
      )}
      <p className="text-sm text-zinc-600">Shipping to {[order.address.address1, order.address.address2, order.address.city, order.address.postalCode, order.address.country].filter(Boolean).join(", ")}</p>
      {order.canCancel && (
        <div className="rounded-lg border border-zinc-200 bg-white p-4">
          <p className="mb-2 text-sm text-zinc-600">Changed your mind? Anything that has not shipped yet can still be cancelled.</p>
          <CancelOrderForm orderId={order.id} eventId={randomUUID()} shippedAny={shippedAny} />
        </div>
      )}
      {!order.owned && order.lines.some((l) => l.figures.open > 0) && (
        <p className="text-sm text-zinc-600" data-testid="cancel-elsewhere">To cancel, open this order in the browser you placed it with.</p>
      )}
    </section>
  );
}
