"use server";

import { defineAction } from "@/lib/actions";
import { audited } from "@/lib/admin/audit";
import { safetyStockSnapshot, variantLabel, variantSettingsSnapshot } from "@/lib/admin/audit-snapshots";
import {
  adjustStock,
  receiveStock,
  recordDamage,
  recordReturn,
  releaseHoldAsStaff,
  releaseSetAside,
  setAsideStock,
  setSafetyStock,
  transferStock,
  updateVariantSettings,
} from "@/lib/inventory";
import {
  adjustForm,
  damageForm,
  receiveForm,
  releaseHoldForm,
  releaseSetAsideForm,
  setAsideForm,
  returnForm,
  safetyStockForm,
  settingsForm,
  transferForm,
} from "@/lib/admin/form-schemas";

// Admin stock operations and variant settings. Who may do what:
// OPS and ADMIN move stock (adjust, receive, transfer, return, damage) and
// release cart holds; only ADMIN changes thresholds, safety stock, policies,
// backorder limits and restock dates. The acting user's email is written to
// every movement as createdBy — it comes from the session, never the form.
// Pages are dynamic (per-request, behind cookies), so the client refreshes
// them after success instead of revalidatePath.

export const adjustStockAction = defineAction({
  name: "inventory.adjust",
  access: "OPS",
  input: adjustForm,
  handler: (input, { user }) => adjustStock({ ...input, actor: user.email }),
});

export const receiveStockAction = defineAction({
  name: "inventory.receive",
  access: "OPS",
  input: receiveForm,
  handler: (input, { user }) => receiveStock({ ...input, actor: user.email }),
});

export const transferStockAction = defineAction({
  name: "inventory.transfer",
  access: "OPS",
  input: transferForm,
  handler: (input, { user }) => transferStock({ ...input, actor: user.email }),
});

export const recordReturnAction = defineAction({
  name: "inventory.return",
  access: "OPS",
  input: returnForm,
  handler: (input, { user }) => recordReturn({ ...input, actor: user.email }),
});

export const recordDamageAction = defineAction({
  name: "inventory.damage",
  access: "OPS",
  input: damageForm,
  handler: (input, { user }) => recordDamage({ ...input, actor: user.email }),
});

export const setAsideStockAction = defineAction({
  name: "inventory.setAside",
  access: "OPS",
  input: setAsideForm,
  handler: (input, { user }) => setAsideStock({ ...input, actor: user.email }),
});

export const releaseSetAsideAction = defineAction({
  name: "inventory.releaseSetAside",
  access: "OPS",
  input: releaseSetAsideForm,
  handler: (input, { user }) => releaseSetAside({ ...input, actor: user.email }),
});

export const releaseHoldAction = defineAction({
  name: "inventory.releaseHold",
  access: "OPS",
  input: releaseHoldForm,
  handler: (input, { user }) => releaseHoldAsStaff({ ...input, actor: user.email }),
});

export const updateVariantSettingsAction = defineAction({
  name: "inventory.settings",
  access: "ADMIN",
  input: settingsForm,
  handler: async (input, { user }) =>
    audited(
      { actorEmail: user.email, action: "variant.settings", target: await variantLabel(input.variantId) },
      () => variantSettingsSnapshot(input.variantId),
      () => updateVariantSettings({ ...input, restockDate: input.restockDate ?? null, actor: user.email }),
    ),
});

export const setSafetyStockAction = defineAction({
  name: "inventory.safetyStock",
  access: "ADMIN",
  input: safetyStockForm,
  handler: async (input, { user }) =>
    audited(
      { actorEmail: user.email, action: "variant.safety_stock", target: await variantLabel(input.variantId) },
      () => safetyStockSnapshot(input.variantId, input.warehouseId),
      () => setSafetyStock({ ...input, actor: user.email }),
    ),
});
