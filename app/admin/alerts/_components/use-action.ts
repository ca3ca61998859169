"use client";

import { useState, useTransition } from "react";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/actions";

/** Runs a server action with pending state; errors become a toast plus field messages for the form. */
export function useAdminAction<I, R>(action: (input: I) => Promise<ActionResult<R>>) {
  const [pending, startTransition] = useTransition();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const run = (input: I, onSuccess?: (data: R) => void) =>
    startTransition(async () => {
      const result = await action(input);
      if (result.ok) {
        setFieldErrors({});
        onSuccess?.(result.data);
        return;
      }
      setFieldErrors(result.error.fieldErrors ?? {});
      toast.error(result.error.message);
    });
  return { pending, fieldErrors, run };
}
