import type { InputHTMLAttributes, SelectHTMLAttributes } from "react";

type FieldShell = { label: string; name: string; errors?: string[]; hint?: string; className?: string };

function describedBy(name: string, errors?: string[], hint?: string): string | undefined {
  const ids = [errors?.length ? `${name}-error` : null, hint ? `${name}-hint` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function Messages({ name, errors, hint }: Pick<FieldShell, "name" | "errors" | "hint">) {
  return (
    <>
      {hint && <p id={`${name}-hint`} className="text-xs text-zinc-500">{hint}</p>}
      {errors?.length ? <p id={`${name}-error`} className="text-xs text-red-700" role="alert">{errors.join(", ")}</p> : null}
    </>
  );
}

const control = "w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30";

/** Label, control and messages; the control gets its id, name and ARIA wiring from here. */
function Field({ label, name, errors, hint, className = "", render }: FieldShell & { render: (wiring: { id: string; name: string; className: string; "aria-invalid"?: true; "aria-describedby"?: string }) => React.ReactNode }) {
  return (
    <div className={`space-y-1 ${className}`}>
      <label htmlFor={name} className="block text-sm font-medium text-zinc-800">{label}</label>
      {render({
        id: name,
        name,
        className: `${control} ${errors?.length ? "border-red-400" : "border-zinc-300"}`,
        "aria-invalid": errors?.length ? true : undefined,
        "aria-describedby": describedBy(name, errors, hint),
      })}
      <Messages name={name} errors={errors} hint={hint} />
    </div>
  );
}

/** A labelled input with its error and hint wired up for assistive technology. */
export function TextField({ label, name, errors, hint, className, ...props }: FieldShell & InputHTMLAttributes<HTMLInputElement>) {
  return <Field label={label} name={name} errors={errors} hint={hint} className={className} render={(wiring) => <input {...props} {...wiring} />} />;
}

export function SelectField({ label, name, errors, hint, className, children, ...props }: FieldShell & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Field label={label} name={name} errors={errors} hint={hint} className={className} render={(wiring) => <select {...props} {...wiring}>{children}</select>} />
  );
}
