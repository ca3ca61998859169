"use client";

import { createContext, useContext, useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from "react";
import { inputStyles } from "./input-styles";

export type FieldErrors = Record<string, string[]>;

// Field errors of the enclosing form (ActionForm provides them), so a field
// finds its own messages by name without every form threading them through.
const FieldErrorsContext = createContext<FieldErrors>({});
export const FieldErrorsProvider = FieldErrorsContext.Provider;

/** The inline error messages for one input name (empty when valid). */
export function useFieldErrors(name: string): string[] {
  return useContext(FieldErrorsContext)[name] ?? [];
}

type Shell = {
  name: string;
  label: string;
  hint?: string;
  /** Errors given directly; otherwise those of the enclosing form's FieldErrorsProvider. */
  errors?: string[];
  /** Defaults to a generated id; pass one when something outside links to the field (e.g. `#email-error`). */
  id?: string;
  /** Classes of the wrapper (grid placement, width). */
  className?: string;
};

type Wiring = { id: string; name: string; className: string; "aria-invalid"?: true; "aria-describedby"?: string };

/** Label, control, hint and errors; the control gets its id, name and ARIA wiring from here. */
function Field({ name, label, hint, errors: given, id: givenId, className = "", control }: Shell & { control: (wiring: Wiring) => ReactNode }) {
  const generated = useId();
  const id = givenId ?? generated;
  const fromForm = useFieldErrors(name);
  const errors = given ?? fromForm;
  const describedBy = [hint ? `${id}-hint` : null, errors.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`space-y-1 ${className}`}>
      <label htmlFor={id} className="block text-sm font-medium text-zinc-800">
        {label}
      </label>
      {control({ id, name, className: inputStyles, "aria-invalid": errors.length ? true : undefined, "aria-describedby": describedBy })}
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
    </div>
  );
}

/** A labelled input whose errors are linked (aria-invalid, aria-describedby); the form focuses the first invalid one. */
export function TextField({ name, label, hint, errors, id, className, ...input }: Shell & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id" | "className">) {
  return <Field name={name} label={label} hint={hint} errors={errors} id={id} className={className} control={(wiring) => <input {...input} {...wiring} />} />;
}

export function SelectField({ name, label, hint, errors, id, className, children, ...select }: Shell & Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "id" | "className">) {
  return (
    <Field name={name} label={label} hint={hint} errors={errors} id={id} className={className} control={(wiring) => <select {...select} {...wiring}>{children}</select>} />
  );
}
