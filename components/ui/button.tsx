import type { ComponentPropsWithRef } from "react";

// One look for every button and button-like link in the store and the admin.
// Disabled controls drop their colour and shadow (not just opacity), so a
// disabled primary button cannot be mistaken for a clickable one.
const variants = {
  primary: "bg-brand-600 text-white shadow-sm hover:bg-brand-700",
  secondary: "bg-white text-zinc-900 shadow-sm ring-1 ring-inset ring-zinc-300 hover:bg-zinc-50",
  ghost: "text-zinc-700 hover:bg-zinc-100",
  danger: "bg-red-600 text-white shadow-sm hover:bg-red-700",
  // A destructive action that only opens a confirmation (a row's "Delete"): marked, but quieter than the confirm itself.
  "danger-subtle": "bg-white text-red-700 shadow-sm ring-1 ring-inset ring-red-200 hover:bg-red-50",
} as const;

const sizes = {
  xs: "h-7 px-2.5 text-xs",
  sm: "h-8 px-3 text-sm",
  md: "h-10 px-4 text-sm",
  lg: "h-12 px-6 text-base",
} as const;

export type ButtonVariant = keyof typeof variants;
export type ButtonSize = keyof typeof sizes;

const disabled =
  "disabled:cursor-not-allowed disabled:bg-zinc-100 disabled:text-zinc-400 disabled:shadow-none disabled:ring-1 disabled:ring-inset disabled:ring-zinc-200 disabled:hover:bg-zinc-100";

/** Class names of a button; also for links that look like buttons (`<a className={buttonStyles()}>`). */
export function buttonStyles({ variant = "primary", size = "md", className = "" }: { variant?: ButtonVariant; size?: ButtonSize; className?: string } = {}): string {
  return `inline-flex items-center justify-center gap-2 whitespace-nowrap rounded-md font-medium transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 ${variants[variant]} ${sizes[size]} ${disabled} ${className}`.trim();
}

// With a ref (React 19 passes it as a prop), so a Button can be a Radix trigger (`asChild`).
export type ButtonProps = ComponentPropsWithRef<"button"> & { variant?: ButtonVariant; size?: ButtonSize };

export function Button({ variant = "primary", size = "md", className = "", type = "button", ...props }: ButtonProps) {
  return <button type={type} className={buttonStyles({ variant, size, className })} {...props} />;
}
