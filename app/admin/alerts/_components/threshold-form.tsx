"use client";

import { toast } from "sonner";
import { saveThreshold } from "@/app/actions/alerts";
import { useAdminAction } from "./use-action";

/** Inline editor for one variant's threshold and alert switch. */
export function ThresholdForm({ variantId, sku, threshold, isActive }: { variantId: string; sku: string; threshold: number; isActive: boolean }) {
  const { pending, fieldErrors, run } = useAdminAction(saveThreshold);
  const errorId = `threshold-${variantId}-error`;
  return (
    <form
      className="flex flex-wrap items-center gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        run({ variantId, threshold: data.get("threshold"), isActive: data.get("isActive") === "on" }, (r) =>
          toast.success(r.alerted ? `${sku}: saved — already low, alert sent` : `${sku}: saved`),
        );
      }}
    >
      <label className="sr-only" htmlFor={`threshold-${variantId}`}>Threshold for {sku}</label>
      <input
        id={`threshold-${variantId}`}
        name="threshold"
        type="number"
        min={0}
        step={1}
        defaultValue={threshold}
        aria-invalid={Boolean(fieldErrors.threshold)}
        aria-describedby={errorId}
        className="w-20 rounded-md border border-zinc-300 px-2 py-1 text-sm aria-[invalid=true]:border-red-500"
      />
      <label className="flex items-center gap-1 text-xs text-zinc-700">
        <input type="checkbox" name="isActive" defaultChecked={isActive} /> Alerts on
      </label>
      <button type="submit" disabled={pending} className="rounded-md border border-zinc-300 bg-white px-2.5 py-1 text-xs font-medium hover:bg-zinc-50 disabled:opacity-60">
        {pending ? "Saving…" : "Save"}
      </button>
      {fieldErrors.threshold ? <p id={errorId} className="w-full text-xs text-red-700">{fieldErrors.threshold[0]}</p> : null}
    </form>
  );
}
