// Classes of a text input or select. TextField and SelectField use them; so do
// the few bare controls (search boxes, an inline input in a table row). Kept
// out of field.tsx because a "use client" module cannot hand a plain string to
// a server component.
export const inputStyles =
  "block h-10 w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 aria-[invalid=true]:border-red-500 disabled:cursor-not-allowed disabled:bg-zinc-100 disabled:text-zinc-500";
