import type { HTMLAttributes, TdHTMLAttributes, ThHTMLAttributes } from "react";

// One table look for store and admin lists: a scrolling frame, quiet
// uppercase headers, hairline rows and tabular digits in numeric columns.

// The frame scrolls sideways on narrow screens, so it is focusable (keyboard
// users scroll it with the arrow keys) and named for screen readers.
export function Table({ className = "", frameClassName = "", frameLabel = "Table", children, ...props }: HTMLAttributes<HTMLTableElement> & { frameClassName?: string; frameLabel?: string }) {
  return (
    <div
      className={`overflow-x-auto focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 ${frameClassName}`}
      tabIndex={0}
      role="region"
      aria-label={props["aria-label"] ?? frameLabel}
    >
      <table className={`w-full border-collapse text-left text-sm ${className}`} {...props}>
        {children}
      </table>
    </div>
  );
}

export function Th({ numeric = false, className = "", scope = "col", ...props }: ThHTMLAttributes<HTMLTableCellElement> & { numeric?: boolean }) {
  return (
    <th
      scope={scope}
      className={`border-b border-zinc-200 px-3 py-2 text-xs font-medium uppercase tracking-wide text-zinc-500 ${numeric ? "text-right" : ""} ${className}`}
      {...props}
    />
  );
}

/** Body cell classes; also for a row header (`<th scope="row" className={cellStyles}>`). */
export const cellStyles = "border-b border-zinc-100 px-3 py-2 align-top";

export function Td({ numeric = false, className = "", ...props }: TdHTMLAttributes<HTMLTableCellElement> & { numeric?: boolean }) {
  return <td className={`${cellStyles} ${numeric ? "text-right tabular-nums" : ""} ${className}`} {...props} />;
}

/** A table's "nothing here" row, spanning every column. */
export function EmptyRow({ colSpan, children }: { colSpan: number; children: React.ReactNode }) {
  return (
    <tr>
      <td colSpan={colSpan} className="p-6 text-center text-sm text-zinc-500">
        {children}
      </td>
    </tr>
  );
}
