import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CircleCheck } from "lucide-react";
import { cartSessionId } from "@/lib/auth/request-context";
import { getOrderForSession } from "@/lib/store/checkout";
import { formatMoney } from "@/lib/store/money";
import { variantLabel } from "@/lib/store/variant-display";
import { idSchema } from "@/lib/validation/inventory";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Order confirmed" };

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!idSchema.safeParse(id).success) notFound();
  const order = await getOrderForSession(id, await cartSessionId({ create: false }));
  if (!order) notFound();
  return (
    <section className="mx-auto max-w-2xl space-y-6" data-testid="order-confirmation">
      <div className="flex items-center gap-3">
        <CircleCheck aria-hidden className="size-8 text-emerald-600" />
        <h1 className="text-3xl font-semibold tracking-tight">Thank you, {order.name}!</h1>
      </div>
      <p className="text-zinc-700">
        Order <span className="font-mono" data-testid="order-id">{order.id.slice(0, 8).toUpperCase()}</span> is confirmed. A receipt goes to {order.email}.
      </p>
      <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 bg-white">
        {order.lines.map((line) => (
          <li key={line.variantId} className="flex justify-between gap-4 p-4" data-testid="order-line">
            <div>
              <p className="font-medium">{line.productName}</p>
              <p className="text-sm text-zinc-600">{variantLabel(line.variantTitle) ? `${variantLabel(line.variantTitle)} × ${line.quantity}` : `Quantity ${line.quantity}`}</p>
              {line.preorder && <p className="text-sm text-sky-700">Pre-order: ships on release</p>}
              {!line.preorder && line.backorderedQuantity > 0 && <p className="text-sm text-sky-700">{line.backorderedQuantity} on backorder: ships when restocked</p>}
            </div>
            <span>{formatMoney(line.quantity * line.unitPriceCents)}</span>
          </li>
        ))}
      </ul>
      <p className="flex justify-between text-lg font-semibold"><span>Total</span><span data-testid="order-total">{formatMoney(order.subtotalCents)}</span></p>
      <p className="text-sm text-zinc-600">Shipping to {[order.address.address1, order.address.address2, order.address.city, order.address.postalCode, order.address.country].filter(Boolean).join(", ")}</p>
    </section>
  );
}
