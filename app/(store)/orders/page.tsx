import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { Pager, withParams } from "@/components/ui/pager";
import { cartSessionId } from "@/lib/auth/request-context";
import { formatMoney } from "@/lib/store/money";
import { listSessionOrders } from "@/lib/store/orders";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your orders" };

const STATUS = { PLACED: "Confirmed", PARTIALLY_FULFILLED: "Partly shipped", FULFILLED: "Shipped", CANCELLED: "Cancelled" } as const;

/** The orders placed from this browser's cart session, newest first. */
export default async function OrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { before } = await searchParams;
  const page = await listSessionOrders(await cartSessionId({ create: false }), typeof before === "string" ? before : undefined);
  return (
    <section className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-3xl font-semibold tracking-tight">Your orders</h1>
      {page.rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-zinc-300 p-8 text-center text-zinc-600" data-testid="no-orders">
          No orders from this browser yet.
        </p>
      ) : (
        <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 bg-white" data-testid="my-orders">
          {page.rows.map((o) => (
            <li key={o.id} className="flex items-center justify-between gap-4 p-4" data-testid="my-order" data-order={`SR-${o.number}`}>
              <div>
                <Link href={`/orders/${o.id}`} className="font-mono font-medium text-brand-700 hover:underline">SR-{o.number}</Link>
                <p className="text-sm text-zinc-600"><LocalTime value={o.createdAt} /> · {o.units} item{o.units === 1 ? "" : "s"}</p>
              </div>
              <div className="text-right">
                <Badge>{STATUS[o.status]}</Badge>
                <p className="text-sm">{formatMoney(o.subtotalCents)}</p>
              </div>
            </li>
          ))}
        </ul>
      )}
      {page.olderCursor && <Pager label="Order pages" prev={null} next={withParams("/orders", { before: page.olderCursor })} />}
      <p className="text-sm text-zinc-600">
        Ordered on another device? <Link href="/orders/lookup" className="font-medium text-brand-700 underline">Find an order by number and email</Link>.
      </p>
    </section>
  );
}
