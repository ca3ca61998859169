"use client";

import { releaseHoldAction } from "@/app/actions/inventory";
import { ActionForm } from "@/components/ui/action-form";

/** Releases one cart's hold on a variant (every warehouse of it); the ledger records who did it. */
export function ReleaseHoldForm({ holdId, description }: { holdId: string; description: string }) {
  return (
    <ActionForm
      action={releaseHoldAction}
      label={`Release hold: ${description}`}
      submitLabel="Release"
      success="Hold released"
      className="inline-block"
      layout="inline"
      confirm={{ title: `Release this hold?`, description: `${description}: the units go back on sale at once and the shopper's cart loses them. This cannot be undone.`, confirmLabel: "Release hold" }}
    >
      <input type="hidden" name="holdId" value={holdId} />
    </ActionForm>
  );
}
