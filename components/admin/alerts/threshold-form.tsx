"use client";

import { toast } from "sonner";
import { saveThreshold } from "@/app/actions/alerts";
import { Button } from "@/components/ui/button";
import { inputStyles } from "@/components/ui/input-styles";
import { useAction } from "@/components/ui/use-action";

/** Inline editor for one variant's threshold and alert switch. */
export function ThresholdForm({ variantId, sku, threshold, isActive }: { variantId: string; sku: string; threshold: number; isActive: boolean }) {
  const { pending, fieldErrors, run } = useAction(saveThreshold, { errors: "toast" });
  const errorId = `threshold-${variantId}-error`;
  return (
    <form
      className="flex flex-wrap items-center gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        run(
          { variantId, threshold: data.get("threshold"), isActive: data.get("isActive") === "on" },
          { onSuccess: (r) => toast.success(r.alerted ? `${sku}: saved — already low, alert sent` : `${sku}: saved`) },
        );
      }}
    >
      {/* A bare input, not a TextField: one row of a table, labelled for screen readers only. */}
      <label className="sr-only" htmlFor={`threshold-${variantId}`}>Threshold for {sku}</label>
      <input
        id={`threshold-${variantId}`}
        name="threshold"
        type="number"
        min={0}
        step={1}
        defaultValue={threshold}
        aria-invalid={Boolean(fieldErrors.threshold)}
        aria-describedby={fieldErrors.threshold ? errorId : undefined}
        className={`${inputStyles} h-8! w-20! py-1!`}
      />
      <label className="flex items-center gap-1 text-xs text-zinc-700">
        <input type="checkbox" name="isActive" defaultChecked={isActive} /> Alerts on
      </label>
      <Button type="submit" variant="secondary" size="xs" disabled={pending}>
        {pending ? "Saving…" : "Save"}
      </Button>
      {fieldErrors.threshold ? <p id={errorId} className="w-full text-xs text-red-700">{fieldErrors.threshold[0]}</p> : null}
    </form>
  );
}
