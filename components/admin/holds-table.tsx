import { NumberCell } from "@/components/admin/cells";
import Link from "next/link";
import type { ActiveHold } from "@/lib/admin/holds";
import { LocalTime } from "./local-time";
import { ReleaseHoldForm } from "./release-hold-form";
import { tableClass, tdClass, thClass } from "./ui";

export function HoldsTable({ holds, showVariant = true }: { holds: ActiveHold[]; showVariant?: boolean }) {
  if (!holds.length) return <p className="text-sm text-zinc-600">No active cart holds.</p>;
  return (
    <div className="overflow-x-auto">
      <table className={tableClass} data-testid="holds-table">
        <caption className="sr-only">Active cart holds, soonest expiry first</caption>
        <thead>
          <tr>
            {showVariant && <th scope="col" className={thClass}>Variant</th>}
            <th scope="col" className={thClass}>Cart</th>
            <th scope="col" className={`${thClass} text-right`}>Units</th>
            <th scope="col" className={thClass}>Warehouses</th>
            <th scope="col" className={thClass}>Expires</th>
            <th scope="col" className={thClass}><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {holds.map((h) => (
            <tr key={h.holdId} data-cart={h.cart}>
              {showVariant && (
                <td className={tdClass}>
                  <Link href={`/admin/inventory/${h.variantId}`} className="text-brand-700 hover:underline">{h.productName}</Link>
                  <div className="text-xs text-zinc-500">{h.variantTitle} · <span className="font-mono">{h.sku}</span></div>
                </td>
              )}
              <td className={`${tdClass} font-mono text-xs`}>{h.cart}</td>
              <NumberCell value={h.quantity} />
              <td className={tdClass}>{h.warehouses}</td>
              <td className={`${tdClass} whitespace-nowrap`}>
                <LocalTime iso={new Date(h.expiresAt).toISOString()} relative />
              </td>
              <td className={tdClass}>
                <ReleaseHoldForm holdId={h.holdId} description={`${h.quantity} × ${h.sku} for ${h.cart}`} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
