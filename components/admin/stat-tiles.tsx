import type { DashboardTiles } from "@/lib/admin/dashboard";
import { formatCents, formatNumber } from "./format";

export function StatTiles({ tiles }: { tiles: DashboardTiles }) {
  const items = [
    { key: "skus", label: "SKUs", value: formatNumber(tiles.skus) },
    { key: "on-hand", label: "Units on hand", value: formatNumber(tiles.unitsOnHand) },
    { key: "reserved", label: "Reserved now", value: formatNumber(tiles.reservedNow) },
    { key: "committed", label: "Committed to orders", value: formatNumber(tiles.committed), href: "/admin/orders" },
    { key: "unavailable", label: "Unavailable (returns)", value: formatNumber(tiles.unavailable) },
    { key: "low-stock", label: "Low stock", value: formatNumber(tiles.lowStock), href: "/admin/inventory?status=low" },
    { key: "out-of-stock", label: "Out of stock", value: formatNumber(tiles.outOfStock), href: "/admin/inventory?status=out" },
    // Wide on phones: a six-figure amount does not fit half a 390 px screen.
    { key: "value", label: "Stock value (at selling price)", value: formatCents(tiles.stockValueCents), wide: true },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4 xl:grid-cols-8">
      {items.map((item) => (
        <div key={item.key} className={`rounded-lg border border-zinc-200 bg-white p-4 shadow-sm ${"wide" in item ? "col-span-2 sm:col-span-1" : ""}`} data-testid={`tile-${item.key}`}>
          <dt className="text-xs font-medium uppercase tracking-wide text-zinc-500">{item.label}</dt>
          <dd className="mt-1 break-words text-xl font-semibold tabular-nums sm:text-2xl lg:text-xl">
            {item.href ? (
              <a href={item.href} className="hover:underline">
                {item.value}
              </a>
            ) : (
              item.value
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
