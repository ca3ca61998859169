"use client";

import { SelectField } from "@/components/ui/field";

export function WarehouseSelect({ name = "warehouseId", label = "Warehouse", warehouses, defaultValue }: { name?: string; label?: string; warehouses: { id: string; code: string; name: string }[]; defaultValue?: string }) {
  return (
    <SelectField name={name} label={label} defaultValue={defaultValue ?? warehouses[0]?.id}>
      {warehouses.map((w) => (
        <option key={w.id} value={w.id}>
          {w.code} — {w.name}
        </option>
      ))}
    </SelectField>
  );
}
