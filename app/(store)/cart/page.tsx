import type { Metadata } from "next";
import Link from "next/link";
import { CartLine } from "@/components/store/cart-line";
import { CartSubtotal } from "@/components/store/cart-subtotal";
import { buttonStyles } from "@/components/ui/button";
import { cartSessionId } from "@/lib/auth/request-context";
import { getCart } from "@/lib/store/cart";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Cart" };

export default async function CartPage() {
  const cart = await getCart(await cartSessionId({ create: false }));
  const expired = cart.lines.some((l) => l.status === "expired");
  // The countdowns hydrate from this instant, so server HTML and first client render agree.
  const renderedAt = Date.now();
  return (
    <section className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-3xl font-semibold tracking-tight">Your cart</h1>
      {cart.lines.length === 0 ? (
        <p className="rounded-lg border border-dashed border-zinc-300 p-8 text-center text-zinc-600">
          Your cart is empty. <Link href="/" className="font-medium text-brand-700 underline">Continue shopping</Link>
        </p>
      ) : (
        <>
          <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 bg-white px-4">
            {cart.lines.map((line) => <CartLine key={line.variantId} line={line} renderedAt={renderedAt} />)}
          </ul>
          <div className="flex flex-col items-end gap-3">
            <p className="text-lg">Subtotal <CartSubtotal cents={cart.subtotalCents} /></p>
            {expired ? (
              <p className="text-sm text-red-700">Hold the expired items again (or remove them) before checking out.</p>
            ) : (
              <Link href="/checkout" className={buttonStyles({ size: "lg" })} data-testid="checkout-link">
                Check out
              </Link>
            )}
          </div>
        </>
      )}
    </section>
  );
}
