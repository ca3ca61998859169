"use client";

import { useId, useState, type FormEvent } from "react";
import { BellRing, Loader2 } from "lucide-react";
import { toast } from "sonner";
import { joinWaitlist } from "@/app/actions/waitlist";
import { Button } from "@/components/ui/button";
import { inputStyles } from "@/components/ui/input-styles";
import { useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/actions";

export type WaitlistFormProps = {
  /** The out-of-stock variant the shopper wants to hear about. */
  variantId: string;
  /** Injected in tests; defaults to the joinWaitlist server action. */
  submit?: (input: { variantId: string; email: string }) => Promise<ActionResult<{ message: string }>>;
};

/**
 * "Email me when it's back": one email field for an out-of-stock variant.
 * Errors show inline under the field (announced to screen readers); success
 * shows a toast and a confirmation in place of the form.
 */
export function WaitlistForm({ variantId, submit = joinWaitlist }: WaitlistFormProps) {
  const id = useId();
  const [email, setEmail] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { pending, run } = useAction(submit);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    run({ variantId, email }, {
      onSuccess: (data) => {
        setDone(data.message);
        toast.success(data.message);
      },
      onError: (failure) => {
        const message = failure.fieldErrors?.email?.[0] ?? failure.message;
        setError(message);
        if (!failure.fieldErrors?.email) toast.error(message);
      },
    });
  }

  if (done) {
    return (
      <p role="status" className="flex items-center gap-2 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
        <BellRing aria-hidden className="size-4" /> {done}
      </p>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-2" aria-describedby={`${id}-hint`}>
      <label htmlFor={`${id}-email`} className="block text-sm font-medium text-zinc-800">
        Email me when it&apos;s back
      </label>
      <p id={`${id}-hint`} className="text-xs text-zinc-500">One email when this item is in stock again. Nothing else.</p>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          id={`${id}-email`}
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          placeholder="you@example.com"
          className={`${inputStyles} min-w-0 flex-1`}
        />
        <Button type="submit" disabled={pending}>
          {pending ? <Loader2 aria-hidden className="size-4 animate-spin" /> : <BellRing aria-hidden className="size-4" />}
          Notify me
        </Button>
      </div>
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </form>
  );
}
