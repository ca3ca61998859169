"use client";

import { useRouter } from "next/navigation";
import { lookupOrderAction } from "@/app/actions/my-orders";
import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";

/** Order number + email → the order page (this browser may then view it for an hour). */
export function OrderLookupForm() {
  const router = useRouter();
  return (
    <ActionForm
      action={lookupOrderAction}
      label="Find an order"
      submitLabel="Find my order"
      success="Order found"
      resetOnSuccess={false}
      onSuccess={(data) => router.push((data as { redirectTo: string }).redirectTo)}
    >
      <TextField id="number" name="number" label="Order number" placeholder="SR-10042" autoComplete="off" required />
      <TextField id="email" name="email" label="Email" type="email" autoComplete="email" required />
    </ActionForm>
  );
}
