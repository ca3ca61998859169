"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/actions";
import { Button, type ButtonVariant } from "./button";
import { ConfirmDialog, type ConfirmCopy } from "./confirm-dialog";
import { FieldErrorsProvider } from "./field";
import { TextWithTimes } from "./local-time";
import { useAction } from "./use-action";

type Props = {
  action: (input: FormData) => Promise<ActionResult<unknown>>;
  /** Toast shown after success. */
  success: string;
  submitLabel: string;
  children: ReactNode;
  /** Accessible name of the form. */
  label: string;
  className?: string;
  disabled?: boolean;
  resetOnSuccess?: boolean;
  onSuccess?: (data: unknown) => void;
  /** "inline": fields and button on one row (small forms inside tables). */
  layout?: "stack" | "inline";
  submitVariant?: ButtonVariant;
  /** Destructive forms ask first: the submit button opens this dialog and only "confirm" submits. */
  confirm?: ConfirmCopy;
};

/**
 * A form posting to a server action. Errors come back typed: field errors
 * appear under their inputs, anything else above the button (role=alert);
 * the typed values stay in place. On success: a toast, the form is cleared
 * and the page's server components re-render.
 */
export function ActionForm({ action, success, submitLabel, children, label, className, disabled, resetOnSuccess = true, onSuccess, layout = "stack", submitVariant, confirm }: Props) {
  const router = useRouter();
  const { pending, error, fieldErrors, run } = useAction(action);
  const [formError, setFormError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const focusField = useRef<string | null>(null);

  // Focus the first invalid input once the fieldset is enabled again (a disabled input cannot take focus).
  useEffect(() => {
    if (pending || !focusField.current) return;
    const field = formRef.current?.elements.namedItem(focusField.current);
    focusField.current = null;
    if (field instanceof HTMLElement) field.focus();
  }, [pending, error]);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    run(new FormData(form), {
      onSuccess: (data) => {
        setFormError(null);
        if (resetOnSuccess) form.reset();
        toast.success(success);
        onSuccess?.(data);
        router.refresh();
      },
      onError: (failure) => {
        const known = Object.keys(failure.fieldErrors ?? {}).filter((name) => form.elements.namedItem(name));
        // Field errors for inputs this form shows are enough; otherwise say what went wrong.
        setFormError(known.length ? null : failure.message);
        focusField.current = known[0] ?? null;
      },
    });
  }

  const variant = submitVariant ?? (confirm ? "danger-subtle" : "primary");
  const text = pending ? "Saving…" : submitLabel;
  return (
    <FieldErrorsProvider value={fieldErrors}>
      <form ref={formRef} onSubmit={submit} aria-label={label} className={className ?? "space-y-3"} noValidate>
        <fieldset disabled={disabled || pending} className={layout === "inline" ? "flex flex-wrap items-end gap-2" : "space-y-3"}>
          {children}
          {formError && (
            <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
              <TextWithTimes text={formError} />
            </p>
          )}
          {confirm ? (
            <ConfirmDialog {...confirm} onConfirm={() => formRef.current?.requestSubmit()} trigger={<Button variant={variant}>{text}</Button>} />
          ) : (
            <Button type="submit" variant={variant}>
              {text}
            </Button>
          )}
        </fieldset>
      </form>
    </FieldErrorsProvider>
  );
}
