"use client";

import { useState } from "react";
import { cancelOrderAction, disposeReturnAction, fulfilOrderAction, receiveReturnAction } from "@/app/actions/orders";
import { ActionForm } from "@/components/ui/action-form";
import { cardStyles } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { LINE_FIELD_PREFIX } from "@/lib/store/order-lines";

export type ActionLine = {
  id: string; label: string; warehouseId: string; warehouseCode: string;
  committed: number; backordered: number; open: number; returnable: number; awaitingInspection: number;
};

/** One fresh id per form, issued by the server when the page rendered (the domain's idempotency key). */
export type FormEventIds = { fulfil: string; cancel: string; receiveReturn: string; restock: string; writeOff: string };

type Scope = "all" | "chosen";

function Hidden({ orderId, eventId }: { orderId: string; eventId: string }) {
  return (
    <>
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="eventId" value={eventId} />
    </>
  );
}

function ScopeChoice({ scope, onChange, all, chosen }: { scope: Scope; onChange: (s: Scope) => void; all: string; chosen: string }) {
  return (
    <fieldset className="space-y-1 text-sm">
      <legend className="sr-only">What this applies to</legend>
      {(["all", "chosen"] as const).map((value) => (
        <label key={value} className="flex items-center gap-2">
          <input type="radio" name="scope" value={value} checked={scope === value} onChange={() => onChange(value)} />
          {value === "all" ? all : chosen}
        </label>
      ))}
    </fieldset>
  );
}

/** One quantity input per line, named qty:<line id>; blank means "not this line". */
function LineQuantities({ lines, max, disabled = false }: { lines: ActionLine[]; max: (l: ActionLine) => number; disabled?: boolean }) {
  return (
    <div className="grid gap-2 sm:grid-cols-2">
      {lines.map((line) => (
        <TextField
          key={line.id}
          name={`${LINE_FIELD_PREFIX}${line.id}`}
          label={`${line.label} (up to ${max(line)})`}
          type="number"
          inputMode="numeric"
          min={0}
          max={max(line)}
          disabled={disabled}
          placeholder="0"
        />
      ))}
    </div>
  );
}

export function FulfilForm({ orderId, eventId, lines }: { orderId: string; eventId: string; lines: ActionLine[] }) {
  const [scope, setScope] = useState<Scope>("all");
  const open = lines.filter((l) => l.open > 0);
  const warehouses = [...new Map(open.map((l) => [l.warehouseId, l.warehouseCode])).entries()];
  return (
    <ActionForm action={fulfilOrderAction} label="Fulfil order" submitLabel="Fulfil" success="Fulfilment recorded" className={`${cardStyles} space-y-3`}>
      <h3 className="font-semibold">Fulfil</h3>
      <Hidden orderId={orderId} eventId={eventId} />
      <ScopeChoice scope={scope} onChange={setScope} all="Everything that can ship now" chosen="Chosen lines and quantities" />
      {scope === "chosen" && <LineQuantities lines={open} max={(l) => l.open} />}
      <SelectField name="warehouseId" label="Only from warehouse (optional)" defaultValue="">
        <option value="">Any warehouse</option>
        {warehouses.map(([id, code]) => <option key={id} value={id}>{code}</option>)}
      </SelectField>
      <TextField name="trackingNumber" label="Tracking number (optional)" maxLength={100} />
    </ActionForm>
  );
}

export function CancelForm({ orderId, eventId, lines }: { orderId: string; eventId: string; lines: ActionLine[] }) {
  const [scope, setScope] = useState<Scope>("all");
  const open = lines.filter((l) => l.open > 0);
  return (
    <ActionForm
      action={cancelOrderAction}
      label="Cancel units"
      submitLabel="Cancel units"
      success="Cancellation recorded"
      className={`${cardStyles} space-y-3`}
      confirm={{
        title: scope === "all" ? "Cancel everything not shipped?" : "Cancel the chosen units?",
        description: "The units are released: committed stock becomes available again (other orders' backorders first). Shipped units are not affected. This cannot be undone.",
        confirmLabel: "Cancel units",
      }}
    >
      <h3 className="font-semibold">Cancel</h3>
      <Hidden orderId={orderId} eventId={eventId} />
      <ScopeChoice scope={scope} onChange={setScope} all="Everything not shipped yet" chosen="Chosen lines and quantities" />
      {scope === "chosen" && <LineQuantities lines={open} max={(l) => l.open} />}
      <TextField name="note" label="Reason (optional)" maxLength={500} />
    </ActionForm>
  );
}

export function ReturnForm({ orderId, eventId, lines }: { orderId: string; eventId: string; lines: ActionLine[] }) {
  return (
    <ActionForm action={receiveReturnAction} label="Receive return" submitLabel="Receive return" success="Return received: units await inspection" className={`${cardStyles} space-y-3`}>
      <h3 className="font-semibold">Receive a return</h3>
      <p className="text-sm text-zinc-600">Returned units go back on hand as unavailable until inspected.</p>
      <Hidden orderId={orderId} eventId={eventId} />
      <LineQuantities lines={lines.filter((l) => l.returnable > 0)} max={(l) => l.returnable} />
      <TextField name="refundCents" label="Refund (USD)" inputMode="decimal" placeholder="0.00" hint="Recorded on the return; no payment is made here." />
      <TextField name="note" label="Note (optional)" maxLength={500} />
    </ActionForm>
  );
}

export function DisposeForms({ orderId, eventIds, lines }: { orderId: string; eventIds: Pick<FormEventIds, "restock" | "writeOff">; lines: ActionLine[] }) {
  const waiting = lines.filter((l) => l.awaitingInspection > 0);
  return (
    <>
      <ActionForm action={disposeReturnAction} label="Restock returned units" submitLabel="Restock" success="Returned units restocked" className={`${cardStyles} space-y-3`}>
        <h3 className="font-semibold">Restock returned units</h3>
        <p className="text-sm text-zinc-600">Passed inspection: sellable again (backorders are covered first).</p>
        <Hidden orderId={orderId} eventId={eventIds.restock} />
        <input type="hidden" name="disposition" value="restock" />
        <LineQuantities lines={waiting} max={(l) => l.awaitingInspection} />
      </ActionForm>
      <ActionForm
        action={disposeReturnAction}
        label="Write off returned units"
        submitLabel="Write off"
        success="Returned units written off"
        className={`${cardStyles} space-y-3`}
        confirm={{ title: "Write off these units?", description: "They leave on hand as damaged. This cannot be undone.", confirmLabel: "Write off" }}
      >
        <h3 className="font-semibold">Write off returned units</h3>
        <Hidden orderId={orderId} eventId={eventIds.writeOff} />
        <input type="hidden" name="disposition" value="write_off" />
        <LineQuantities lines={waiting} max={(l) => l.awaitingInspection} />
        <TextField name="note" label="What is wrong (optional)" maxLength={500} />
      </ActionForm>
    </>
  );
}
