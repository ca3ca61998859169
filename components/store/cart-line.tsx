"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import Image from "next/image";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { RotateCcw, Trash2 } from "lucide-react";
import { toast } from "sonner";
import { reReserveCartLineAction, removeCartLineAction, setCartLineAction } from "@/app/actions/cart";
import { Button } from "@/components/ui/button";
import { inputStyles } from "@/components/ui/input-styles";
import { useAction } from "@/components/ui/use-action";
import { formatMoney } from "@/lib/store/money";
import type { CartLineView } from "@/lib/store/cart";
import { lineName, variantLabel } from "@/lib/store/variant-display";
import { announceCartCount } from "./cart-count";
import { announceCartSubtotal } from "./cart-subtotal";
import { HoldCountdown } from "./hold-countdown";

export type CartLineActions = {
  setQuantity: typeof setCartLineAction;
  reReserve: typeof reReserveCartLineAction;
  remove: typeof removeCartLineAction;
};

const serverActions: CartLineActions = { setQuantity: setCartLineAction, reReserve: reReserveCartLineAction, remove: removeCartLineAction };

/**
 * One cart line; `actions` is injectable so component tests can drive it without a server.
 * `renderedAt` is the server clock the page was rendered with (see HoldCountdown).
 */
export function CartLine({ line, actions = serverActions, renderedAt }: { line: CartLineView; actions?: CartLineActions; renderedAt?: number }) {
  const router = useRouter();
  const setLine = useAction(actions.setQuantity);
  const holdAgain = useAction(actions.reReserve);
  const removeLine = useAction(actions.remove);
  // One toast per line: a new outcome replaces the previous one instead of stacking on it.
  const toastId = { id: `cart-line-${line.variantId}` };
  const label = variantLabel(line.variantTitle);
  const name = lineName(line.productName, line.variantTitle);
  const pending = setLine.pending || holdAgain.pending || removeLine.pending;
  const [quantity, setQuantity] = useState(String(line.quantity));
  // What the server holds for this line: from its render, then from each quantity change's answer
  // (a change does not re-render the page); a later render (refresh, navigation) wins again.
  const [held, setHeld] = useState({ quantity: line.quantity, expiresAt: line.expiresAt });
  useEffect(() => {
    setHeld({ quantity: line.quantity, expiresAt: line.expiresAt });
    setQuantity(String(line.quantity));
  }, [line.quantity, line.expiresAt]);
  const [lapsed, setLapsed] = useState(false);
  const expired = line.status === "expired" || lapsed;
  const onExpire = useCallback(() => setLapsed(true), []);
  // Whatever the outcome, the server's cart is the truth: re-render from it.
  const refresh = () => router.refresh();

  // Enter and the blur that follows it would both submit the same value:
  // remember what was last sent, so one edit is one request (and one toast).
  const submitted = useRef<number | null>(null);
  const changeQuantity = () => {
    const wanted = Number(quantity);
    if (wanted === held.quantity || wanted === submitted.current) return;
    submitted.current = wanted;
    setLine.run({ variantId: line.variantId, quantity: wanted }, {
      onSuccess: (data) => {
        toast.success(`Now holding ${data.quantity}`, toastId);
        submitted.current = null;
        setHeld({ quantity: data.quantity, expiresAt: data.expiresAt });
        setQuantity(String(data.quantity));
        announceCartCount(data.cartItems);
        announceCartSubtotal(data.subtotalCents);
      },
      onError: (error) => {
        submitted.current = null;
        toast.error(error.fieldErrors?.quantity?.join(", ") ?? error.message, toastId);
        setQuantity(String(held.quantity));
        refresh();
      },
    });
  };

  const reReserve = () =>
    holdAgain.run({ variantId: line.variantId }, {
      onSuccess: (data) => {
        if (data.limited) toast.warning(`Only ${data.quantity} left — we held ${data.quantity}`, toastId);
        else toast.success("Held again for you", toastId);
        setLapsed(false);
        refresh();
      },
      onError: (error) => {
        toast.error(error.message, toastId);
        setLapsed(false);
        refresh();
      },
    });

  const remove = () =>
    removeLine.run({ variantId: line.variantId }, {
      onSuccess: () => {
        toast.success("Removed from cart", toastId);
        refresh();
      },
      onError: (error) => {
        toast.error(error.message, toastId);
        refresh();
      },
    });

  return (
    <li className="flex gap-4 py-4" data-testid="cart-line" data-status={expired ? "expired" : "held"}>
      <Image src={line.imageUrl} alt="" width={96} height={96} className="size-16 shrink-0 rounded-md border border-zinc-200 object-cover sm:size-24" unoptimized data-testid="line-image" />
      <div className="flex min-w-0 flex-1 flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0 space-y-1">
          <Link href={`/products/${line.productSlug}?variant=${line.variantId}`} className="font-medium hover:underline">{line.productName}</Link>
          <p className="text-sm text-zinc-600">{label ? `${label} · ` : ""}{formatMoney(line.unitPriceCents)}</p>
          {expired ? (
            <p className="flex flex-wrap items-center gap-2 text-sm text-red-700" role="status" data-testid="hold-expired">
              Your hold expired — these items may sell out.
              <Button size="sm" variant="secondary" onClick={reReserve} disabled={pending} data-testid="re-reserve">
                <RotateCcw aria-hidden className="size-4" /> Hold again
              </Button>
            </p>
          ) : (
            held.expiresAt && <p className="text-sm"><HoldCountdown expiresAt={held.expiresAt} renderedAt={renderedAt} onExpire={onExpire} /></p>
          )}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <label htmlFor={`qty-${line.variantId}`} className="sr-only">Quantity of {name}</label>
          <input
            id={`qty-${line.variantId}`}
            type="number"
            inputMode="numeric"
            min={1}
            max={999}
            value={quantity}
            disabled={pending || expired}
            onChange={(e) => setQuantity(e.target.value)}
            onBlur={changeQuantity}
            onKeyDown={(e) => e.key === "Enter" && changeQuantity()}
            className={`${inputStyles} h-9! w-20! px-2!`}
            data-testid="line-quantity"
          />
          <Button size="sm" variant="ghost" onClick={remove} disabled={pending} aria-label={`Remove ${name}`}>
            <Trash2 aria-hidden className="size-4" />
          </Button>
          <span className="ml-auto whitespace-nowrap text-right font-medium sm:min-w-24" data-testid="line-total">{formatMoney(line.unitPriceCents * held.quantity)}</span>
        </div>
      </div>
    </li>
  );
}
