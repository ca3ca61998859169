import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { CheckoutForm } from "@/components/store/checkout-form";
import { cartSessionId } from "@/lib/auth/request-context";
import { getCart } from "@/lib/store/cart";
import { formatMoney } from "@/lib/store/money";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Checkout" };

export default async function CheckoutPage() {
  const cart = await getCart(await cartSessionId({ create: false }));
  if (!cart.lines.length) {
    return (
      <section className="mx-auto max-w-2xl space-y-4">
        <h1 className="text-3xl font-semibold tracking-tight">Checkout</h1>
        <p>Your cart is empty. <Link href="/" className="text-brand-700 underline">Continue shopping</Link></p>
      </section>
    );
  }
  // A fresh idempotency key per checkout page: submitting this form twice places one order.
  const orderId = randomUUID();
  return (
    <section className="mx-auto grid max-w-5xl gap-10 md:grid-cols-[1fr_20rem]">
      <div className="space-y-6">
        <h1 className="text-3xl font-semibold tracking-tight">Checkout</h1>
        <CheckoutForm orderId={orderId} />
      </div>
      <aside className="h-fit space-y-3 rounded-lg border border-zinc-200 bg-white p-4" aria-label="Order summary">
        <h2 className="font-medium">Order summary</h2>
        <ul className="space-y-2 text-sm">
          {cart.lines.map((line) => (
            <li key={line.variantId} className="flex justify-between gap-2">
              <span>{line.productName} · {line.variantTitle} × {line.quantity}</span>
              <span>{formatMoney(line.quantity * line.unitPriceCents)}</span>
            </li>
          ))}
        </ul>
        <p className="flex justify-between border-t border-zinc-200 pt-2 font-semibold"><span>Subtotal</span><span>{formatMoney(cart.subtotalCents)}</span></p>
        {cart.lines.some((l) => l.status === "expired") && <p className="text-sm text-red-700">Some holds expired. <Link href="/cart" className="underline">Review your cart</Link>.</p>}
      </aside>
    </section>
  );
}
