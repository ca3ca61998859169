"use client";

import { useMemo, useState, useTransition } from "react";
import { ShoppingCart } from "lucide-react";
import { toast } from "sonner";
import { addToCartAction } from "@/app/actions/cart";
import { announceCartCount } from "./cart-count";
import { Button } from "@/components/ui/button";
import { inputStyles } from "@/components/ui/input-styles";
import { formatMoney } from "@/lib/store/money";
import type { VariantView } from "@/lib/store/product";
import { lineName } from "@/lib/store/variant-display";
import { canOrder, stockStatus, type VariantAvailability } from "@/lib/store/stock-status";
import { StockBadge } from "./stock-badge";
import { useLiveStock } from "./use-live-stock";
import { VariantPicker } from "./variant-picker";
import { WaitlistForm } from "./waitlist-form";

export type ProductPurchaseProps = {
  productId: string;
  axes: { name: string; values: string[] }[];
  variants: VariantView[];
  initialVariantId: string;
  initialStock: VariantAvailability[];
  holdMinutes: number;
  /** The product's name: a variant without a name of its own ("Default") is called by it. */
  productName: string;
  /** Controlled selection (ProductDetail shares it with the image); uncontrolled when absent. */
  selectedId?: string;
  onSelectedChange?: (variantId: string) => void;
};

/** One toast for the add-to-cart flow: a new outcome replaces the last one instead of stacking. */
const CART_TOAST = "add-to-cart";

const UNKNOWN: Omit<VariantAvailability, "variantId"> = { available: 0, orderable: 0, lowStock: false, policy: "DENY", restockDate: null };

export function ProductPurchase({ productId, axes, variants, initialVariantId, initialStock, holdMinutes, productName, ...controlled }: ProductPurchaseProps) {
  const { stock, state } = useLiveStock(productId, initialStock);
  const [ownSelectedId, setOwnSelectedId] = useState(initialVariantId);
  const selectedId = controlled.selectedId ?? ownSelectedId;
  const setSelectedId = controlled.onSelectedChange ?? setOwnSelectedId;
  const [quantity, setQuantity] = useState(1);
  const [pending, startTransition] = useTransition();
  const selected = variants.find((v) => v.id === selectedId) ?? variants[0]!;
  const current = useMemo(() => stock[selected.id] ?? { variantId: selected.id, ...UNKNOWN }, [stock, selected.id]);
  const orderable = canOrder(current);
  const status = stockStatus(current);

  const select = (variant: VariantView) => {
    setSelectedId(variant.id);
    const url = new URL(window.location.href);
    url.searchParams.set("variant", variant.id);
    window.history.replaceState(null, "", url);
  };

  const add = () =>
    startTransition(async () => {
      const result = await addToCartAction({ variantId: selected.id, quantity });
      if (!result.ok) {
        toast.error(result.error.message, { id: CART_TOAST });
        return;
      }
      const { quantity: inCart, limited, cartItems } = result.data;
      announceCartCount(cartItems);
      const name = lineName(productName, selected.title);
      if (limited) toast.warning(`Only ${inCart} left — we added ${inCart === 1 ? "1" : inCart} to your cart`, { id: CART_TOAST, description: name });
      else toast.success("Added to cart — held for you", { id: CART_TOAST, description: `${name} · ${inCart} in cart`, action: { label: "View cart", onClick: () => window.location.assign("/cart") } });
    });

  return (
    <div className="space-y-6" data-testid="purchase">
      <p className="text-2xl font-semibold" data-testid="price">{formatMoney(selected.priceCents)}</p>
      {axes.length > 0 && <VariantPicker axes={axes} variants={variants} selected={selected} availability={stock} onSelect={select} />}
      <div className="flex flex-wrap items-center gap-3">
        <StockBadge stock={current} />
        <span className="text-xs text-zinc-500" data-testid="live-state" data-state={state}>
          {state === "live" ? "Live" : state === "connecting" ? "Connecting…" : "Live updates paused"}
        </span>
      </div>
      {orderable ? (
        <div className="flex items-end gap-3">
          <div className="space-y-1">
            <label htmlFor="quantity" className="block text-sm font-medium text-zinc-800">Quantity</label>
            <input
              id="quantity"
              type="number"
              inputMode="numeric"
              min={1}
              max={Math.min(99, current.orderable)}
              value={quantity}
              onChange={(e) => setQuantity(Math.max(1, Math.min(99, Math.trunc(Number(e.target.value)) || 1)))}
              className={`${inputStyles} h-12! w-20!`}
            />
          </div>
          <Button size="lg" onClick={add} disabled={pending} data-testid="add-to-cart">
            <ShoppingCart aria-hidden className="size-5" />
            {pending ? "Holding…" : status.kind === "preorder" ? "Pre-order" : status.kind === "backorder" ? "Backorder" : "Add to cart"}
          </Button>
        </div>
      ) : (
        <div className="space-y-3">
          <Button size="lg" disabled data-testid="add-to-cart">Sold out</Button>
          {/* Keyed by variant so switching variants starts a fresh form. */}
          <WaitlistForm key={selected.id} variantId={selected.id} />
        </div>
      )}
      {orderable && <p className="text-xs text-zinc-500">Adding to cart holds the item for you for {holdMinutes} minutes.</p>}
    </div>
  );
}
