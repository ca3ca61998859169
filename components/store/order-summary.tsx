import Link from "next/link";
import type { CartView } from "@/lib/store/cart";
import { formatMoney } from "@/lib/store/money";
import { lineName } from "@/lib/store/variant-display";

function Lines({ cart }: { cart: CartView }) {
  return (
    <>
      <ul className="space-y-2 text-sm">
        {cart.lines.map((line) => (
          <li key={line.variantId} className="flex justify-between gap-2" data-testid="summary-line">
            <span className="min-w-0">{lineName(line.productName, line.variantTitle)} × {line.quantity}</span>
            <span className="whitespace-nowrap">{formatMoney(line.quantity * line.unitPriceCents)}</span>
          </li>
        ))}
      </ul>
      <p className="flex justify-between border-t border-zinc-200 pt-2 font-semibold"><span>Subtotal</span><span>{formatMoney(cart.subtotalCents)}</span></p>
      {cart.lines.some((l) => l.status === "expired") && <p className="text-sm text-red-700">Some holds expired. <Link href="/cart" className="underline">Review your cart</Link>.</p>}
    </>
  );
}

/**
 * The checkout's order summary: a sidebar from `md` up; on phones a collapsed
 * disclosure at the top (above "Place order"), showing the total until opened,
 * as phone checkouts do. Only one of the two is displayed at a time.
 */
export function OrderSummary({ cart, variant }: { cart: CartView; variant: "sidebar" | "collapsible" }) {
  if (variant === "collapsible") {
    return (
      <details className="group rounded-lg border border-zinc-200 bg-white p-4 md:hidden" data-testid="order-summary-collapsible">
        <summary className="flex cursor-pointer list-none items-center justify-between gap-2 font-medium">
          <span>
            <span className="group-open:hidden">Show order summary</span>
            <span className="hidden group-open:inline">Hide order summary</span>
            <span className="ml-1 text-sm font-normal text-zinc-600">({cart.itemCount} {cart.itemCount === 1 ? "item" : "items"})</span>
          </span>
          <span className="font-semibold">{formatMoney(cart.subtotalCents)}</span>
        </summary>
        <div className="mt-3 space-y-3">
          <Lines cart={cart} />
        </div>
      </details>
    );
  }
  return (
    <aside className="hidden h-fit space-y-3 rounded-lg border border-zinc-200 bg-white p-4 md:block" aria-label="Order summary" data-testid="order-summary">
      <h2 className="font-medium">Order summary</h2>
      <Lines cart={cart} />
    </aside>
  );
}
