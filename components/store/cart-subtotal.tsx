"use client";

import { useEffect, useState } from "react";
import { formatMoney } from "@/lib/store/money";

// The cart page's subtotal. The server renders it; a quantity change on the
// page announces the new one from the action's answer (the change no longer
// re-renders the page), and a later server render wins again — as CartCount.
const CART_SUBTOTAL_EVENT = "stockroom:cart-subtotal";

export function announceCartSubtotal(cents: number): void {
  window.dispatchEvent(new CustomEvent<number>(CART_SUBTOTAL_EVENT, { detail: cents }));
}

export function CartSubtotal({ cents }: { cents: number }) {
  const [shown, setShown] = useState(cents);
  useEffect(() => setShown(cents), [cents]);
  useEffect(() => {
    const update = (event: Event) => setShown((event as CustomEvent<number>).detail);
    window.addEventListener(CART_SUBTOTAL_EVENT, update);
    return () => window.removeEventListener(CART_SUBTOTAL_EVENT, update);
  }, []);
  return (
    <span className="font-semibold" data-testid="cart-subtotal">
      {formatMoney(shown)}
    </span>
  );
}
