"use client";

import {
  adjustStockAction, receiveStockAction, recordDamageAction, recordReturnAction, releaseSetAsideAction, setAsideStockAction, transferStockAction,
} from "@/app/actions/inventory";
import { ActionForm } from "@/components/ui/action-form";
import { SelectField, TextField } from "@/components/ui/field";
import { WarehouseSelect } from "./warehouse-select";
import { cardStyles } from "@/components/ui/card";

type Warehouse = { id: string; code: string; name: string };

const reasonOptions = (
  <>
    <option value="QUALITY_CONTROL">Quality control</option>
    <option value="DAMAGED">Damaged, awaiting write-off</option>
  </>
);

/** The stock operations of a variant (OPS and ADMIN). Each writes one ledger movement (two for a transfer). */
export function StockOperationForms({ variantId, warehouses }: { variantId: string; warehouses: Warehouse[] }) {
  const hidden = <input type="hidden" name="variantId" value={variantId} />;
  return (
    <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
      <section className={cardStyles} aria-labelledby="op-receive">
        <h3 id="op-receive" className="mb-2 font-medium">Receive purchase order</h3>
        <ActionForm action={receiveStockAction} label="Receive purchase order" submitLabel="Receive" success="Purchase order received">
          {hidden}
          <WarehouseSelect warehouses={warehouses} />
          <TextField name="quantity" label="Units received" type="number" inputMode="numeric" min={1} required />
          <TextField name="reference" label="PO number" required placeholder="PO-1234" />
          <TextField name="notes" label="Notes (optional)" />
        </ActionForm>
      </section>
      <section className={cardStyles} aria-labelledby="op-adjust">
        <h3 id="op-adjust" className="mb-2 font-medium">Adjust</h3>
        <ActionForm action={adjustStockAction} label="Adjust stock" submitLabel="Adjust" success="Stock adjusted">
          {hidden}
          <WarehouseSelect warehouses={warehouses} />
          <TextField name="delta" label="Change (+ or −)" type="number" inputMode="numeric" required hint="Negative to remove units, e.g. -2" />
          <TextField name="notes" label="Reason" required placeholder="Cycle count" />
        </ActionForm>
      </section>
      <section className={cardStyles} aria-labelledby="op-transfer">
        <h3 id="op-transfer" className="mb-2 font-medium">Transfer</h3>
        <ActionForm action={transferStockAction} label="Transfer stock" submitLabel="Transfer" success="Stock transferred">
          {hidden}
          <WarehouseSelect name="fromWarehouseId" label="From" warehouses={warehouses} />
          <WarehouseSelect name="toWarehouseId" label="To" warehouses={warehouses} defaultValue={warehouses[1]?.id} />
          <TextField name="quantity" label="Units" type="number" inputMode="numeric" min={1} required />
          <TextField name="notes" label="Notes (optional)" />
        </ActionForm>
      </section>
      <section className={cardStyles} aria-labelledby="op-return">
        <h3 id="op-return" className="mb-2 font-medium">Record return</h3>
        <ActionForm action={recordReturnAction} label="Record return" submitLabel="Record return" success="Return recorded">
          {hidden}
          <WarehouseSelect warehouses={warehouses} />
          <TextField name="quantity" label="Units returned" type="number" inputMode="numeric" min={1} required />
          <TextField name="reference" label="Return reference (optional)" placeholder="RMA-12" />
          <TextField name="notes" label="Notes (optional)" />
        </ActionForm>
      </section>
      <section className={cardStyles} aria-labelledby="op-damage">
        <h3 id="op-damage" className="mb-2 font-medium">Record damage</h3>
        <ActionForm action={recordDamageAction} label="Record damage" submitLabel="Record damage" success="Damage recorded">
          {hidden}
          <WarehouseSelect warehouses={warehouses} />
          <TextField name="quantity" label="Units damaged or lost" type="number" inputMode="numeric" min={1} required />
          <TextField name="notes" label="What happened" required />
        </ActionForm>
      </section>
      <section className={cardStyles} aria-labelledby="op-set-aside">
        <h3 id="op-set-aside" className="mb-2 font-medium">Set aside as unavailable</h3>
        <ActionForm action={setAsideStockAction} label="Set aside as unavailable" submitLabel="Set aside" success="Units set aside">
          {hidden}
          <WarehouseSelect warehouses={warehouses} />
          <TextField name="quantity" label="Units" type="number" inputMode="numeric" min={1} required />
          <SelectField name="reason" label="Reason">{reasonOptions}</SelectField>
          <TextField name="notes" label="Notes (optional)" />
        </ActionForm>
      </section>
      <section className={cardStyles} aria-labelledby="op-release-aside">
        <h3 id="op-release-aside" className="mb-2 font-medium">Release set-aside units</h3>
        <ActionForm action={releaseSetAsideAction} label="Release set-aside units" submitLabel="Release" success="Set-aside units released">
          {hidden}
          <WarehouseSelect warehouses={warehouses} />
          <TextField name="quantity" label="Units" type="number" inputMode="numeric" min={1} required />
          <SelectField name="reason" label="Set aside for">{reasonOptions}</SelectField>
          <SelectField name="disposition" label="Then">
            <option value="restock">Restock (sellable again)</option>
            <option value="write_off">Write off</option>
          </SelectField>
          <TextField name="notes" label="Notes (optional)" />
        </ActionForm>
      </section>
    </div>
  );
}
