// Shared class names for admin controls, so every form and table looks and focuses alike.
export const buttonClass =
  "inline-flex items-center justify-center gap-2 rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700 disabled:cursor-not-allowed disabled:opacity-60";
export const secondaryButtonClass =
  "inline-flex items-center justify-center gap-2 rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm font-medium text-zinc-800 shadow-sm hover:bg-zinc-50 disabled:cursor-not-allowed disabled:opacity-60";
export const inputClass =
  "block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm shadow-sm aria-[invalid=true]:border-red-500 disabled:bg-zinc-100";
export const cardClass = "rounded-lg border border-zinc-200 bg-white p-4 shadow-sm";
export const tableClass = "w-full border-collapse text-left text-sm";
export const thClass = "border-b border-zinc-200 px-3 py-2 font-medium text-zinc-600";
export const tdClass = "border-b border-zinc-100 px-3 py-2 align-top";
