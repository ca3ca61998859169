"use client";

import { useEffect, useState } from "react";

// The header's cart count. The server renders it; adding to the cart from a
// product page announces the new count (the add no longer re-renders the page
// tree), and a later server render (navigation, refresh) wins again.
const CART_COUNT_EVENT = "stockroom:cart-count";

export function announceCartCount(count: number): void {
  window.dispatchEvent(new CustomEvent<number>(CART_COUNT_EVENT, { detail: count }));
}

export function CartCount({ count }: { count: number }) {
  const [shown, setShown] = useState(count);
  useEffect(() => setShown(count), [count]);
  useEffect(() => {
    const update = (event: Event) => setShown((event as CustomEvent<number>).detail);
    window.addEventListener(CART_COUNT_EVENT, update);
    return () => window.removeEventListener(CART_COUNT_EVENT, update);
  }, []);
  return (
    <span className="rounded-full bg-zinc-900 px-2 text-xs text-white" data-testid="cart-count" aria-label={`${shown} items in cart`}>
      {shown}
    </span>
  );
}
