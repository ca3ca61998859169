import Link from "next/link";
import type { MovementRow } from "@/lib/admin/movements";
import { formatSigned, MOVEMENT_LABELS } from "./format";
import { LocalTime } from "./local-time";
import { tableClass, tdClass, thClass } from "./ui";

type Row = Pick<MovementRow, "id" | "createdAt" | "variantId" | "sku" | "productName" | "warehouseCode" | "type" | "quantity" | "reference" | "notes" | "createdBy"> &
  Partial<Pick<MovementRow, "reservedDelta">>;

/** Ledger rows; `showVariant` for lists that mix variants (the dashboard). */
export function MovementTable({ rows, showVariant = false, caption }: { rows: Row[]; showVariant?: boolean; caption: string }) {
  if (!rows.length) return <p className="text-sm text-zinc-600">No movements match.</p>;
  const showHolds = rows.some((r) => r.reservedDelta !== undefined);
  return (
    <div className="overflow-x-auto">
      <table className={tableClass} data-testid="movement-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={thClass}>When</th>
            {showVariant && <th scope="col" className={thClass}>Variant</th>}
            <th scope="col" className={thClass}>Type</th>
            <th scope="col" className={thClass}>Warehouse</th>
            <th scope="col" className={`${thClass} text-right`}>On hand</th>
            {showHolds && <th scope="col" className={`${thClass} text-right`}>Held</th>}
            <th scope="col" className={thClass}>Reference / notes</th>
            <th scope="col" className={thClass}>By</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.id} data-type={m.type}>
              <td className={`${tdClass} whitespace-nowrap`}>
                <LocalTime iso={new Date(m.createdAt).toISOString()} />
              </td>
              {showVariant && (
                <td className={tdClass}>
                  <Link href={`/admin/inventory/${m.variantId}`} className="text-brand-700 hover:underline">
                    {m.productName}
                  </Link>
                  <div className="font-mono text-xs text-zinc-500">{m.sku}</div>
                </td>
              )}
              <td className={tdClass}>{MOVEMENT_LABELS[m.type] ?? m.type}</td>
              <td className={tdClass}>{m.warehouseCode}</td>
              <td className={`${tdClass} text-right tabular-nums ${m.quantity < 0 ? "text-red-700" : m.quantity > 0 ? "text-emerald-700" : ""}`}>
                {formatSigned(m.quantity)}
              </td>
              {showHolds && <td className={`${tdClass} text-right tabular-nums`}>{m.reservedDelta ? formatSigned(m.reservedDelta) : ""}</td>}
              <td className={`${tdClass} max-w-xs`}>
                {m.reference && <div className="font-mono text-xs">{m.reference}</div>}
                {m.notes && <div className="text-zinc-600">{m.notes}</div>}
              </td>
              <td className={`${tdClass} text-zinc-600`}>{m.createdBy ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
