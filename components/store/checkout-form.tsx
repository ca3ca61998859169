"use client";

import { useActionState, useEffect } from "react";
import { useRouter } from "next/navigation";
import { Lock } from "lucide-react";
import { toast } from "sonner";
import { placeOrderAction } from "@/app/actions/checkout";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions/result";
import type { PlacedOrder } from "@/lib/store/checkout";

const COUNTRIES = [["US", "United States"], ["GB", "United Kingdom"], ["DE", "Germany"], ["FR", "France"], ["NL", "Netherlands"], ["CA", "Canada"]] as const;

/** One toast for the checkout flow: the success replaces an earlier error instead of landing on it. */
const CHECKOUT_TOAST = "checkout";

type State = (ActionResult<PlacedOrder> & { values?: Record<string, string> }) | null;

async function submit(_previous: State, form: FormData): Promise<State> {
  const values = Object.fromEntries([...form.entries()].filter(([k]) => !k.startsWith("card")).map(([k, v]) => [k, String(v)]));
  const result = await placeOrderAction(form);
  return { ...result, values };
}

export function CheckoutForm({ orderId }: { orderId: string }) {
  const router = useRouter();
  const [state, action, pending] = useActionState(submit, null);
  const errors = state && !state.ok ? state.error.fieldErrors ?? {} : {};
  const value = (name: string) => state?.values?.[name];

  useEffect(() => {
    if (!state) return;
    if (state.ok) {
      toast.success("Order placed — thank you!", { id: CHECKOUT_TOAST });
      router.push(`/orders/${state.data.orderId}`);
      // Layouts persist across navigation: refresh so the header's cart count drops to zero.
      router.refresh();
    } else {
      toast.error(state.error.fieldErrors ? "Please correct the highlighted fields" : state.error.message, { id: CHECKOUT_TOAST });
      // Field messages are not live regions: moving focus to the first invalid field is what announces it.
      const first = Object.keys(state.error.fieldErrors ?? {})[0];
      if (first) document.getElementById(first)?.focus();
    }
  }, [state, router]);

  return (
    <form action={action} className="space-y-8" noValidate>
      <input type="hidden" name="orderId" value={orderId} />
      {state && !state.ok && !state.error.fieldErrors && (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800" data-testid="checkout-error">{state.error.message}</p>
      )}
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-medium">Contact and shipping</legend>
        <TextField id="email" label="Email" name="email" type="email" autoComplete="email" required defaultValue={value("email")} errors={errors.email} className="sm:col-span-2" />
        <TextField id="name" label="Full name" name="name" autoComplete="name" required defaultValue={value("name")} errors={errors.name} className="sm:col-span-2" />
        <TextField id="address1" label="Address" name="address1" autoComplete="address-line1" required defaultValue={value("address1")} errors={errors.address1} className="sm:col-span-2" />
        <TextField id="address2" label="Apartment, suite (optional)" name="address2" autoComplete="address-line2" defaultValue={value("address2")} errors={errors.address2} className="sm:col-span-2" />
        <TextField id="city" label="City" name="city" autoComplete="address-level2" required defaultValue={value("city")} errors={errors.city} />
        <TextField id="postalCode" label="Postal code" name="postalCode" autoComplete="postal-code" required defaultValue={value("postalCode")} errors={errors.postalCode} />
        <SelectField id="country" label="Country" name="country" autoComplete="country" defaultValue={value("country") ?? "US"} errors={errors.country}>
          {COUNTRIES.map(([code, label]) => <option key={code} value={code}>{label}</option>)}
        </SelectField>
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-lg font-medium">Payment <span className="text-sm font-normal text-zinc-500">(simulated — no card is charged)</span></legend>
        <TextField id="cardNumber" label="Card number" name="cardNumber" inputMode="numeric" autoComplete="cc-number" required errors={errors.cardNumber} hint="Test card: 4242 4242 4242 4242 (4000 0000 0000 0002 declines)" className="sm:col-span-3" />
        <TextField id="cardExpiry" label="Expiry (MM/YY)" name="cardExpiry" autoComplete="cc-exp" placeholder="MM/YY" required errors={errors.cardExpiry} />
        <TextField id="cardCvc" label="CVC" name="cardCvc" inputMode="numeric" autoComplete="cc-csc" required errors={errors.cardCvc} />
      </fieldset>
      <Button type="submit" size="lg" disabled={pending} className="w-full" data-testid="place-order">
        <Lock aria-hidden className="size-4" /> {pending ? "Placing order…" : "Place order"}
      </Button>
    </form>
  );
}
