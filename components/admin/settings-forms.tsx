"use client";

import { setSafetyStockAction, updateVariantSettingsAction } from "@/app/actions/inventory";
import { ActionForm } from "@/components/ui/action-form";
import { SelectField, TextField } from "@/components/ui/field";

type Settings = { policy: "DENY" | "BACKORDER" | "PREORDER"; backorderLimit: number; restockDate: string | null; threshold: number };

/**
 * Policy, backorder limit, restock date and threshold. Shown to OPS as a
 * disabled form (they can see, not change); the server refuses OPS anyway.
 */
export function VariantSettingsForm({ variantId, settings, canEdit }: { variantId: string; settings: Settings; canEdit: boolean }) {
  return (
    <ActionForm action={updateVariantSettingsAction} label="Variant settings" submitLabel="Save settings" success="Settings saved" disabled={!canEdit} resetOnSuccess={false}>
      <input type="hidden" name="variantId" value={variantId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField name="policy" label="When out of stock" defaultValue={settings.policy}>
          <option value="DENY">Stop selling</option>
          <option value="BACKORDER">Allow backorders</option>
          <option value="PREORDER">Take pre-orders</option>
        </SelectField>
        <TextField name="backorderLimit" label="Backorder / pre-order limit" type="number" min={0} defaultValue={settings.backorderLimit} hint="Units that may be sold beyond stock" />
        <TextField name="restockDate" label="Expected restock date" type="date" defaultValue={settings.restockDate ?? ""} />
        <TextField name="threshold" label="Low-stock threshold" type="number" min={0} defaultValue={settings.threshold} hint="Low at or under this many available units" />
      </div>
    </ActionForm>
  );
}

export function SafetyStockForm({ variantId, warehouseId, warehouseCode, safetyStock, canEdit }: { variantId: string; warehouseId: string; warehouseCode: string; safetyStock: number; canEdit: boolean }) {
  return (
    <ActionForm
      action={setSafetyStockAction}
      label={`Safety stock in ${warehouseCode}`}
      submitLabel="Set"
      success={`Safety stock in ${warehouseCode} saved`}
      disabled={!canEdit}
      resetOnSuccess={false}
      layout="inline"
    >
      <input type="hidden" name="variantId" value={variantId} />
      <input type="hidden" name="warehouseId" value={warehouseId} />
      <TextField name="safetyStock" label={`Safety stock (${warehouseCode})`} type="number" min={0} defaultValue={safetyStock} className="[&_input]:w-24" />
    </ActionForm>
  );
}
