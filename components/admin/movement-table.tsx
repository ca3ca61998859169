import Link from "next/link";
import type { MovementRow } from "@/lib/admin/movements";
import { formatSigned, MOVEMENT_LABELS } from "./format";
import { LocalTime } from "@/components/ui/local-time";
import { Table, Td, Th } from "@/components/ui/table";

type Row = Pick<MovementRow, "id" | "createdAt" | "variantId" | "sku" | "productName" | "warehouseCode" | "type" | "quantity" | "reference" | "notes" | "createdBy"> &
  Partial<Pick<MovementRow, "reservedDelta">>;

// Order movements carry the order id as their reference (the order page's timeline is built from them).
const ORDER_MOVEMENTS = new Set(["COMMIT", "FULFILMENT", "CANCELLATION", "ALLOCATION", "RETURN", "RESTOCK", "WRITE_OFF"]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const orderReference = (m: Pick<Row, "type" | "reference">): m is Pick<Row, "type"> & { reference: string } =>
  ORDER_MOVEMENTS.has(m.type) && UUID.test(m.reference ?? "");

/** Ledger rows; `showVariant` for lists that mix variants (the dashboard). */
export function MovementTable({ rows, showVariant = false, caption }: { rows: Row[]; showVariant?: boolean; caption: string }) {
  if (!rows.length) return <p className="text-sm text-zinc-600">No movements match.</p>;
  const showHolds = rows.some((r) => r.reservedDelta !== undefined);
  return (
    <>
      <Table data-testid="movement-table" frameLabel="Stock movements">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <Th>When</Th>
            {showVariant && <Th>Variant</Th>}
            <Th>Type</Th>
            <Th>Warehouse</Th>
            <Th numeric>On hand</Th>
            {showHolds && <Th numeric>Held</Th>}
            <Th>Reference / notes</Th>
            <Th>By</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.id} data-type={m.type}>
              <Td className="whitespace-nowrap">
                <LocalTime value={m.createdAt} />
              </Td>
              {showVariant && (
                <Td>
                  <Link href={`/admin/inventory/${m.variantId}`} className="text-brand-700 hover:underline">
                    {m.productName}
                  </Link>
                  <div className="font-mono text-xs text-zinc-500">{m.sku}</div>
                </Td>
              )}
              <Td>{MOVEMENT_LABELS[m.type] ?? m.type}</Td>
              <Td>{m.warehouseCode}</Td>
              <Td numeric className={m.quantity < 0 ? "text-red-700" : m.quantity > 0 ? "text-emerald-700" : ""}>
                {formatSigned(m.quantity)}
              </Td>
              {showHolds && <Td numeric>{m.reservedDelta ? formatSigned(m.reservedDelta) : ""}</Td>}
              <Td className="max-w-xs">
                {m.reference && (orderReference(m) ? (
                  <Link href={`/admin/orders/${m.reference}`} className="font-mono text-xs text-brand-700 hover:underline">order {m.reference.slice(0, 8)}…</Link>
                ) : (
                  <div className="font-mono text-xs">{m.reference}</div>
                ))}
                {m.notes && <div className="text-zinc-600">{m.notes}</div>}
              </Td>
              <Td className="text-zinc-600">{m.createdBy ?? "—"}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
