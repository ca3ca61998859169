"use client";

import { useRouter } from "next/navigation";
import { createContext, useContext, useEffect, useRef, useState, useTransition, type ReactNode } from "react";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/actions";
import { buttonClass } from "./ui";

type FieldErrors = Record<string, string[]>;
const ErrorsContext = createContext<FieldErrors>({});

/** The inline error messages for one input name (empty when valid). */
export function useFieldErrors(name: string): string[] {
  return useContext(ErrorsContext)[name] ?? [];
}

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
};

/**
 * A form posting to a server action. Errors come back typed: field errors
 * appear under their inputs, anything else above the button (role=alert);
 * the typed values stay in place. On success: a toast, the form is cleared
 * and the page's server components re-render.
 */
export function ActionForm({ action, success, submitLabel, children, label, className, disabled, resetOnSuccess = true, onSuccess, layout = "stack" }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const focusField = useRef<string | null>(null);

  // Focus the first invalid input once the fieldset is enabled again (a disabled input cannot take focus).
  useEffect(() => {
    if (pending || !focusField.current) return;
    const field = formRef.current?.elements.namedItem(focusField.current);
    focusField.current = null;
    if (field instanceof HTMLElement) field.focus();
  }, [pending, fieldErrors]);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    startTransition(async () => {
      let result: ActionResult<unknown>;
      try {
        result = await action(data);
      } catch {
        result = { ok: false, error: { code: "UNAVAILABLE", message: "Could not reach the server. Check your connection and try again." } };
      }
      if (result.ok) {
        setFieldErrors({});
        setFormError(null);
        if (resetOnSuccess) form.reset();
        toast.success(success);
        onSuccess?.(result.data);
        router.refresh();
        return;
      }
      const errors = result.error.fieldErrors ?? {};
      const known = Object.keys(errors).filter((name) => form.elements.namedItem(name));
      setFieldErrors(errors);
      // Field errors for inputs this form shows are enough; otherwise say what went wrong.
      setFormError(known.length ? null : result.error.message);
      focusField.current = known[0] ?? null;
    });
  }

  return (
    <ErrorsContext.Provider value={fieldErrors}>
      <form ref={formRef} onSubmit={submit} aria-label={label} className={className ?? "space-y-3"} noValidate>
        <fieldset disabled={disabled || pending} className={layout === "inline" ? "flex flex-wrap items-end gap-2" : "space-y-3"}>
          {children}
          {formError && (
            <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
              {formError}
            </p>
          )}
          <button type="submit" className={buttonClass}>
            {pending ? "Saving…" : submitLabel}
          </button>
        </fieldset>
      </form>
    </ErrorsContext.Provider>
  );
}
