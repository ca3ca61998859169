import type { Metadata } from "next";
import { formatNumber } from "@/components/admin/format";
import { HoldsTable } from "@/components/admin/holds-table";
import { Button } from "@/components/ui/button";
import { cardStyles } from "@/components/ui/card";
import { inputStyles } from "@/components/ui/input-styles";
import { Pager, withParams } from "@/components/ui/pager";
import { HOLDS_PAGE_SIZE, holdsQuerySchema, listActiveHolds } from "@/lib/admin/holds";
import { requirePageUser } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Reservations" };
export const dynamic = "force-dynamic";

export default async function ReservationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser("OPS", "/admin/reservations");
  const raw = await searchParams;
  const query = holdsQuerySchema.parse({ q: [raw.q].flat()[0], page: [raw.page].flat()[0] });
  const { holds, total } = await listActiveHolds({ q: query.q, page: query.page });
  const pageCount = Math.max(1, Math.ceil(total / HOLDS_PAGE_SIZE));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Reservations</h1>
      <p className="max-w-2xl text-sm text-zinc-600">
        Units held in shoppers&apos; carts. Holds expire on their own; releasing one frees the units at once and is recorded in the
        ledger under your name.
      </p>
      <form method="get" action="/admin/reservations" role="search" aria-label="Filter holds" className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="q" className="block text-sm font-medium">Search name or SKU</label>
          <input id="q" name="q" type="search" defaultValue={query.q ?? ""} className={inputStyles} />
        </div>
        <Button type="submit">Search</Button>
      </form>
      <section className={cardStyles} aria-labelledby="holds-count">
        <h2 id="holds-count" className="mb-2 text-sm text-zinc-600">{formatNumber(total)} active hold{total === 1 ? "" : "s"}</h2>
        <HoldsTable holds={holds} />
        <Pager
          label="Reservation pages"
          status={`Page ${query.page} of ${pageCount}`}
          prev={query.page > 1 ? withParams("/admin/reservations", { q: query.q, page: query.page - 1 }) : null}
          next={query.page < pageCount ? withParams("/admin/reservations", { q: query.q, page: query.page + 1 }) : null}
        />
      </section>
    </div>
  );
}
