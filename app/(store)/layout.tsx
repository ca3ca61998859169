import Link from "next/link";
import { Boxes, ShoppingBag } from "lucide-react";
import { CartCount } from "@/components/store/cart-count";
import { cartSessionId } from "@/lib/auth/request-context";
import { getCartItemCount } from "@/lib/store/cart";

async function CartLink() {
  let count = 0;
  try {
    count = await getCartItemCount(await cartSessionId({ create: false }));
  } catch {
    // The header must render even when the database is briefly unavailable.
  }
  return (
    <Link href="/cart" className="relative flex items-center gap-2 rounded-md px-2 py-1 text-sm font-medium hover:bg-zinc-100" data-testid="cart-link">
      <ShoppingBag aria-hidden className="size-5" />
      Cart
      <CartCount count={count} />
    </Link>
  );
}

export default function StoreLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <header className="border-b border-zinc-200 bg-white">
        <nav className="mx-auto flex max-w-6xl items-center justify-between gap-6 px-4 py-3" aria-label="Main">
          <Link href="/" className="flex items-center gap-2 font-semibold">
            <Boxes aria-hidden className="size-5 text-brand-600" /> Stockroom
          </Link>
          <div className="flex items-center gap-2">
            <Link href="/orders" className="rounded-md px-2 py-1 text-sm font-medium hover:bg-zinc-100" data-testid="orders-link">Your orders</Link>
            <CartLink />
          </div>
        </nav>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
