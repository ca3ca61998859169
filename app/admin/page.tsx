import type { Metadata } from "next";
import { Suspense } from "react";
import { TableSkeleton, TilesSkeleton } from "@/components/admin/page-skeleton";
import { LowStockList } from "@/components/admin/low-stock-list";
import { MovementTable } from "@/components/admin/movement-table";
import { HealthBadge } from "@/components/health-badge";
import { StatTiles } from "@/components/admin/stat-tiles";
import { cardStyles } from "@/components/ui/card";
import { getDashboardTiles, getLowStockList, getRecentMovements } from "@/lib/admin/dashboard";
import { requirePageUser } from "@/lib/auth/page-guard";
import { checkHealth } from "@/lib/health";

export const metadata: Metadata = { title: "Dashboard" };
export const dynamic = "force-dynamic";

export default async function AdminDashboardPage() {
  await requirePageUser("OPS", "/admin");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Inventory dashboard</h1>
      <Suspense
        fallback={
          <>
            <TilesSkeleton />
            <div className={cardStyles}><TableSkeleton rows={10} label="Loading the dashboard…" /></div>
          </>
        }
      >
        <DashboardBody />
      </Suspense>
    </div>
  );
}

async function DashboardBody() {
  const [tiles, low, recent, health] = await Promise.all([getDashboardTiles(), getLowStockList(10), getRecentMovements(10), checkHealth()]);
  return (
    <>
      <StatTiles tiles={tiles} />
      <section className={cardStyles} aria-labelledby="low-stock-heading">
        <h2 id="low-stock-heading" className="mb-3 text-lg font-semibold">
          Low stock <span className="text-sm font-normal text-zinc-500">most urgent first</span>
        </h2>
        <LowStockList items={low.items} total={low.total} />
      </section>
      <section className={cardStyles} aria-labelledby="recent-heading">
        <h2 id="recent-heading" className="mb-3 text-lg font-semibold">Recent movements</h2>
        <MovementTable rows={recent} showVariant caption="Latest changes of on-hand stock" />
      </section>
      <footer className="text-xs text-zinc-500">
        System status: <HealthBadge health={health} />
      </footer>
    </>
  );
}
