import { NumberCell, StockStatusCell } from "@/components/admin/cells";
import type { Metadata } from "next";
import { Suspense } from "react";
import { TableSkeleton } from "@/components/admin/page-skeleton";
import Link from "next/link";
import { formatNumber } from "@/components/admin/format";
import { Button } from "@/components/ui/button";
import { cardStyles } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { Pager, withParams } from "@/components/ui/pager";
import { Table, Td, Th } from "@/components/ui/table";
import { AvailableBreakdown } from "@/components/admin/available-breakdown";
import { rowBreakdown } from "@/lib/admin/available-breakdown";
import { variantLabel } from "@/lib/store/variant-display";
import { listInventory, parseInventoryQuery, type InventoryQuery, type InventorySort } from "@/lib/admin/inventory-table";
import { listWarehouses } from "@/lib/admin/variant-detail";
import { requirePageUser } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Inventory" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const COLUMNS: { sort?: InventorySort; label: string; numeric?: boolean }[] = [
  { sort: "product", label: "Product / variant" },
  { sort: "sku", label: "SKU" },
  { sort: "onHand", label: "On hand", numeric: true },
  { sort: "reserved", label: "Reserved", numeric: true },
  { sort: "committed", label: "Committed", numeric: true },
  { sort: "unavailable", label: "Unavailable", numeric: true },
  { label: "Safety stock", numeric: true },
  { sort: "available", label: "Available", numeric: true },
  { sort: "incoming", label: "Incoming", numeric: true },
  { label: "Status" },
];

export default async function InventoryPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageUser("OPS", "/admin/inventory");
  const query = parseInventoryQuery(await searchParams);
  const warehouses = await listWarehouses();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Inventory</h1>
      <Filters query={query} warehouses={warehouses} />
      <Suspense key={JSON.stringify(query)} fallback={<div className={cardStyles}><TableSkeleton rows={12} label="Loading inventory…" /></div>}>
        <Results query={query} />
      </Suspense>
    </div>
  );
}

async function Results({ query }: { query: InventoryQuery }) {
  const page = await listInventory(query);
  const base = { q: query.q, warehouse: query.warehouse, status: query.status, sort: query.sort, dir: query.dir };
  const sortLink = (sort: InventorySort) =>
    withParams("/admin/inventory", { ...base, sort, dir: query.sort === sort && query.dir === "asc" ? "desc" : "asc" });
  return (
      <section className={cardStyles} aria-labelledby="results">
        <h2 id="results" className="mb-2 text-sm text-zinc-600" aria-live="polite">
          {formatNumber(page.total)} variant{page.total === 1 ? "" : "s"}
        </h2>
        <Table data-testid="inventory-table" frameLabel="Inventory">
          <caption className="sr-only">Variants with stock totals; column headers sort</caption>
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <Th
                  key={c.label}
                  numeric={c.numeric}
                  aria-sort={c.sort && query.sort === c.sort ? (query.dir === "asc" ? "ascending" : "descending") : undefined}
                >
                  {c.sort ? (
                    <Link href={sortLink(c.sort)} className="hover:underline">
                      {c.label}
                      {query.sort === c.sort ? (query.dir === "asc" ? " ▲" : " ▼") : ""}
                    </Link>
                  ) : (
                    c.label
                  )}
                </Th>
              ))}
            </tr>
          </thead>
          <tbody>
            {page.rows.map((row) => (
              <tr key={row.id} data-sku={row.sku} data-status={row.status}>
                <Td>
                  <Link href={`/admin/inventory/${row.id}`} className="font-medium text-brand-700 hover:underline">
                    {row.product_name}
                  </Link>
                  {variantLabel(row.title) && <div className="text-xs text-zinc-500">{row.title}</div>}
                </Td>
                <Td className="font-mono text-xs">{row.sku}</Td>
                <NumberCell value={row.on_hand} />
                <NumberCell value={row.reserved} />
                <NumberCell value={row.committed} />
                <NumberCell value={row.unavailable} />
                <NumberCell value={row.safety_stock} />
                <Td numeric><AvailableBreakdown breakdown={rowBreakdown(row)} label={`${row.product_name} ${row.sku}`} /></Td>
                <NumberCell value={row.incoming} />
                <StockStatusCell status={row.status} policy={row.policy} />
              </tr>
            ))}
          </tbody>
        </Table>
        {!page.rows.length && <p className="py-6 text-center text-sm text-zinc-600">No variants match these filters.</p>}
        <Pager
          label="Inventory pages"
          status={`Page ${page.page} of ${page.pageCount}`}
          prev={page.page > 1 ? withParams("/admin/inventory", { ...base, page: Math.min(page.page - 1, page.pageCount) }) : null}
          next={page.page < page.pageCount ? withParams("/admin/inventory", { ...base, page: page.page + 1 }) : null}
        />
      </section>
  );
}

function Filters({ query, warehouses }: { query: InventoryQuery; warehouses: { id: string; code: string; name: string }[] }) {
  return (
    <form method="get" action="/admin/inventory" role="search" aria-label="Filter inventory" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end">
      <TextField id="q" name="q" label="Search name or SKU" type="search" defaultValue={query.q ?? ""} className="lg:col-span-2" />
      <SelectField id="warehouse" name="warehouse" label="Warehouse" defaultValue={query.warehouse ?? ""}>
        <option value="">All warehouses</option>
        {warehouses.map((w) => (
          <option key={w.id} value={w.id}>{w.code} — {w.name}</option>
        ))}
      </SelectField>
      <SelectField id="status" name="status" label="Status" defaultValue={query.status ?? ""}>
        <option value="">Any</option>
        <option value="attention">Low or out of stock</option>
        <option value="low">Low stock</option>
        <option value="out">Out of stock</option>
        <option value="backorder">Backorder</option>
        <option value="preorder">Pre-order</option>
      </SelectField>
      <input type="hidden" name="sort" value={query.sort} />
      <input type="hidden" name="dir" value={query.dir} />
      <Button type="submit">Apply</Button>
    </form>
  );
}
