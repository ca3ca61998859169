import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { CheckoutForm } from "@/components/store/checkout-form";
import { OrderSummary } from "@/components/store/order-summary";
import { cartSessionId } from "@/lib/auth/request-context";
import { getCart } from "@/lib/store/cart";

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
        <OrderSummary cart={cart} variant="collapsible" />
        <CheckoutForm orderId={orderId} />
      </div>
      <OrderSummary cart={cart} variant="sidebar" />
    </section>
  );
}
