"use client";

import { useState, useTransition } from "react";
import { toast } from "sonner";
import type { ActionError, ActionResult } from "@/lib/actions";

const UNREACHABLE: ActionError = { code: "UNAVAILABLE", message: "Could not reach the server. Check your connection and try again." };

type Options = {
  /** "toast": say what went wrong in a toast (buttons with no room for a message); "inline": the caller shows `error`. */
  errors?: "inline" | "toast";
};

type Callbacks<R> = { onSuccess?: (data: R) => void; onError?: (error: ActionError) => void };

/**
 * The one way our client components call a server action: pending state,
 * the typed error kept for field messages, and a network failure (the action
 * promise rejects) turned into the same result shape as any other error.
 */
export function useAction<I, R>(action: (input: I) => Promise<ActionResult<R>>, { errors = "inline" }: Options = {}) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<ActionError | null>(null);

  const run = (input: I, { onSuccess, onError }: Callbacks<R> = {}) =>
    startTransition(async () => {
      let result: ActionResult<R>;
      try {
        result = await action(input);
      } catch {
        result = { ok: false, error: UNREACHABLE };
      }
      if (result.ok) {
        setError(null);
        onSuccess?.(result.data);
        return;
      }
      setError(result.error);
      if (errors === "toast") toast.error(result.error.message);
      onError?.(result.error);
    });

  return { pending, error, fieldErrors: error?.fieldErrors ?? {}, run };
}
