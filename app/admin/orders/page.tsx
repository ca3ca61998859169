import type { Metadata } from "next";
import Link from "next/link";
import { formatCents, formatNumber } from "@/components/admin/format";
import { ORDER_STATUS_LABELS, OrderStatusBadge, orderNumber } from "@/components/admin/orders/order-status-badge";
import { Button } from "@/components/ui/button";
import { cardStyles } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { LocalTime } from "@/components/ui/local-time";
import { Pager, withParams } from "@/components/ui/pager";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { listOrders, ORDER_STATUSES, parseOrderQuery, type OrderQuery } from "@/lib/admin/orders";
import { requirePageUser } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Orders" };
export const dynamic = "force-dynamic";

export default async function OrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser("OPS", "/admin/orders");
  const query = parseOrderQuery(await searchParams);
  const page = await listOrders(query);
  const keep = { q: query.q, status: query.status, from: query.from, to: query.to };
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Orders</h1>
      <Filters query={query} />
      <section className={cardStyles} aria-labelledby="results">
        <h2 id="results" className="mb-2 text-sm text-zinc-600" aria-live="polite" data-testid="orders-count">
          {formatNumber(page.total)}{page.totalCapped ? "+" : ""} order{page.total === 1 ? "" : "s"}, newest first
        </h2>
        <Table data-testid="orders-table">
          <caption className="sr-only">Orders, newest first</caption>
          <thead>
            <tr><Th>Order</Th><Th>Placed</Th><Th>Customer</Th><Th>Status</Th><Th numeric>Units</Th><Th numeric>Total</Th></tr>
          </thead>
          <tbody>
            {page.rows.length === 0 && <EmptyRow colSpan={6}>No orders match these filters.</EmptyRow>}
            {page.rows.map((o) => (
              <tr key={o.id} data-order={orderNumber(o.number)} data-status={o.status}>
                <Td>
                  <Link href={`/admin/orders/${o.id}`} className="font-mono font-medium text-brand-700 hover:underline">{orderNumber(o.number)}</Link>
                </Td>
                <Td className="whitespace-nowrap"><LocalTime value={o.createdAt} /></Td>
                <Td>{o.name}<div className="text-xs text-zinc-500">{o.email}</div></Td>
                <Td>
                  <OrderStatusBadge status={o.status} />
                  {o.backordered > 0 && <div className="text-xs text-amber-700">{formatNumber(o.backordered)} backordered</div>}
                  {o.returned > 0 && <div className="text-xs text-zinc-500">{formatNumber(o.returned)} returned</div>}
                </Td>
                <Td numeric>{formatNumber(o.units)}</Td>
                <Td numeric>{formatCents(o.subtotalCents)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
        <Pager
          label="Order pages"
          prev={page.newerCursor ? withParams("/admin/orders", { ...keep, after: page.newerCursor }) : null}
          next={page.olderCursor ? withParams("/admin/orders", { ...keep, before: page.olderCursor }) : null}
        />
      </section>
    </div>
  );
}

function Filters({ query }: { query: OrderQuery }) {
  return (
    <form method="get" action="/admin/orders" role="search" aria-label="Filter orders" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end">
      <TextField id="q" name="q" label="Order number or email" type="search" placeholder="SR-10042 or name@example.com" defaultValue={query.q ?? ""} className="lg:col-span-2" />
      <SelectField id="status" name="status" label="Status" defaultValue={query.status ?? ""}>
        <option value="">Any</option>
        {ORDER_STATUSES.map((s) => <option key={s} value={s}>{ORDER_STATUS_LABELS[s]}</option>)}
      </SelectField>
      <div className="grid grid-cols-2 gap-2">
        <TextField id="from" name="from" label="From (UTC)" type="date" defaultValue={query.from ?? ""} />
        <TextField id="to" name="to" label="To (UTC)" type="date" defaultValue={query.to ?? ""} />
      </div>
      <Button type="submit">Apply</Button>
    </form>
  );
}
