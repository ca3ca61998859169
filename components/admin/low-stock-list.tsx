import { NumberCell, StockStatusCell } from "@/components/admin/cells";
import Link from "next/link";
import type { VariantStockRow } from "@/lib/admin/stock-sql";
import { formatNumber } from "./format";
import { Table, Td, Th } from "@/components/ui/table";
import { variantLabel } from "@/lib/store/variant-display";

/** The dashboard's low-stock list: most urgent first (see URGENCY_ORDER_SQL). */
export function LowStockList({ items, total }: { items: VariantStockRow[]; total: number }) {
  if (!items.length) return <p className="text-sm text-zinc-600">Nothing is low. Every variant is above its threshold.</p>;
  return (
    <>
      <Table data-testid="low-stock-list" frameLabel="Low stock">
        <caption className="sr-only">Low and out-of-stock variants, most urgent first</caption>
        <thead>
          <tr>
            <Th>Variant</Th>
            <Th numeric>Available</Th>
            <Th numeric>Committed</Th>
            <Th numeric>Unavailable</Th>
            <Th numeric>Threshold</Th>
            <Th numeric>Incoming</Th>
            <Th>Status</Th>
          </tr>
        </thead>
        <tbody>
          {items.map((row) => (
            <tr key={row.id} data-sku={row.sku} data-status={row.status}>
              <Td>
                <Link href={`/admin/inventory/${row.id}`} className="font-medium text-brand-700 hover:underline">
                  {row.product_name}
                </Link>
                <div className="text-xs text-zinc-500">
                  {variantLabel(row.title) ? `${row.title} · ` : ""}<span className="font-mono">{row.sku}</span>
                </div>
              </Td>
              <NumberCell value={row.available} />
              <NumberCell value={row.committed} />
              <NumberCell value={row.unavailable} />
              <NumberCell value={row.threshold} />
              <NumberCell value={row.incoming} />
              <StockStatusCell status={row.status} policy={row.policy} />
            </tr>
          ))}
        </tbody>
      </Table>
      {total > items.length && (
        <p className="mt-2 text-sm">
          <Link href="/admin/inventory?status=attention&sort=available" className="text-brand-700 hover:underline">
            See all {formatNumber(total)} low and out-of-stock variants
          </Link>
        </p>
      )}
    </>
  );
}
