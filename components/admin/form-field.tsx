"use client";

import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from "react";
import { useFieldErrors } from "./action-form";
import { inputClass } from "./ui";

type Common = { name: string; label: string; hint?: string };

function Described({ id, hint, errors }: { id: string; hint?: string; errors: string[] }) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-zinc-500">
          {hint}
        </p>
      )}
      {errors.length > 0 && (
        <p id={`${id}-error`} className="text-xs text-red-700">
          {errors.join(", ")}
        </p>
      )}
    </>
  );
}

function describedBy(id: string, hint: string | undefined, errors: string[]) {
  return [hint ? `${id}-hint` : null, errors.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

/** A labelled input whose server-side errors are announced and linked (aria-invalid, aria-describedby). */
export function TextField({ name, label, hint, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  const errors = useFieldErrors(name);
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-zinc-800">
        {label}
      </label>
      <input id={id} name={name} className={inputClass} aria-invalid={errors.length > 0} aria-describedby={describedBy(id, hint, errors)} {...input} />
      <Described id={id} hint={hint} errors={errors} />
    </div>
  );
}

export function SelectField({ name, label, hint, children, ...select }: Common & SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode }) {
  const id = useId();
  const errors = useFieldErrors(name);
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-zinc-800">
        {label}
      </label>
      <select id={id} name={name} className={inputClass} aria-invalid={errors.length > 0} aria-describedby={describedBy(id, hint, errors)} {...select}>
        {children}
      </select>
      <Described id={id} hint={hint} errors={errors} />
    </div>
  );
}

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
