"use client";

import { endVariantFlashSale, startVariantFlashSale } from "@/app/actions/flash-sale";
import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";

type Props = { variantId: string; path: string; active: boolean; buckets: number; parked: number; canEdit: boolean };

/** Switches a variant's hot-SKU mode: holds draw from N sharded buckets instead of one locked row. */
export function FlashSaleForms({ variantId, path, active, buckets, parked, canEdit }: Props) {
  return (
    <div className="space-y-3" data-testid="flash-sale">
      <p className="text-sm text-zinc-700" data-testid="flash-sale-status">
        {active ? `On: ${buckets} buckets, ${parked} free units spread across them.` : "Off: holds lock this variant's stock row one at a time."}
      </p>
      <div className="flex flex-wrap items-end gap-4">
        <ActionForm action={startVariantFlashSale} label="Start flash-sale mode" submitLabel={active ? "Re-split" : "Start flash sale"} success="Flash-sale mode on" layout="inline" resetOnSuccess={false} disabled={!canEdit}>
          <input type="hidden" name="variantId" value={variantId} />
          <input type="hidden" name="revalidate" value={path} />
          <TextField name="buckets" label="Buckets" type="number" min={2} max={16} defaultValue={active ? buckets : 8} hint="2–16; more buckets, more holds in parallel" />
        </ActionForm>
        {active && (
          <ActionForm action={endVariantFlashSale} label="End flash-sale mode" submitLabel="End and merge back" success="Flash-sale mode off" layout="inline" disabled={!canEdit}>
            <input type="hidden" name="variantId" value={variantId} />
            <input type="hidden" name="revalidate" value={path} />
          </ActionForm>
        )}
      </div>
    </div>
  );
}
