"use client";

import { toast } from "sonner";
import { saveThreshold } from "@/app/actions/alerts";
import { Pencil } from "lucide-react";
import { Button } from "@/components/ui/button";
import { FormDialog } from "@/components/ui/form-dialog";
import { inputStyles } from "@/components/ui/input-styles";
import { useAction } from "@/components/ui/use-action";

type Props = { variantId: string; sku: string; threshold: number; isActive: boolean; onSaved?: () => void };

/** Editor for one variant's threshold and alert switch (in its row's dialog, see ThresholdEditDialog). */
export function ThresholdForm({ variantId, sku, threshold, isActive, onSaved }: Props) {
  const { pending, fieldErrors, run } = useAction(saveThreshold, { errors: "toast" });
  const errorId = `threshold-${variantId}-error`;
  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        run(
          { variantId, threshold: data.get("threshold"), isActive: data.get("isActive") === "on" },
          {
            onSuccess: (r) => {
              toast.success(r.alerted ? `${sku}: saved — already low, alert sent` : `${sku}: saved`);
              onSaved?.();
            },
          },
        );
      }}
    >
      <div className="space-y-1">
      <label className="block text-sm font-medium text-zinc-800" htmlFor={`threshold-${variantId}`}>Low-stock threshold for {sku}</label>
      <input
        id={`threshold-${variantId}`}
        name="threshold"
        type="number"
        min={0}
        step={1}
        defaultValue={threshold}
        aria-invalid={Boolean(fieldErrors.threshold)}
        aria-describedby={fieldErrors.threshold ? errorId : undefined}
        className={`${inputStyles} w-28!`}
      />
      {fieldErrors.threshold ? <p id={errorId} className="text-xs text-red-700">{fieldErrors.threshold[0]}</p> : null}
      <p className="text-xs text-zinc-600">An alert goes out when available stock is at or below this.</p>
      </div>
      <label className="flex items-center gap-2 text-sm text-zinc-800">
        <input type="checkbox" name="isActive" defaultChecked={isActive} className="size-4" /> Send alerts for this variant
      </label>
      <div className="flex justify-end">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save threshold"}
        </Button>
      </div>
    </form>
  );
}

/** The row's "Edit" button and its dialog. */
export function ThresholdEditDialog(props: Omit<Props, "onSaved"> & { label: string }) {
  const { label, ...form } = props;
  return (
    <FormDialog
      title={`Alerts for ${label}`}
      trigger={
        <Button variant="secondary" size="xs" aria-label={`Edit threshold of ${props.sku}`}>
          <Pencil aria-hidden className="size-3.5" /> Edit
        </Button>
      }
    >
      {(close) => <ThresholdForm {...form} onSaved={close} />}
    </FormDialog>
  );
}
