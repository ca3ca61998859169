import { NumberCell } from "@/components/admin/cells";
import Link from "next/link";
import type { ActiveHold } from "@/lib/admin/holds";
import { LocalTime } from "@/components/ui/local-time";
import { ReleaseHoldForm } from "./release-hold-form";
import { Table, Td, Th } from "@/components/ui/table";

export function HoldsTable({ holds, showVariant = true }: { holds: ActiveHold[]; showVariant?: boolean }) {
  if (!holds.length) return <p className="text-sm text-zinc-600">No active cart holds.</p>;
  return (
    <>
      <Table data-testid="holds-table" frameLabel="Cart holds">
        <caption className="sr-only">Active cart holds, soonest expiry first</caption>
        <thead>
          <tr>
            {showVariant && <Th>Variant</Th>}
            <Th>Cart</Th>
            <Th numeric>Units</Th>
            <Th>Warehouses</Th>
            <Th>Expires</Th>
            <Th><span className="sr-only">Actions</span></Th>
          </tr>
        </thead>
        <tbody>
          {holds.map((h) => (
            <tr key={h.holdId} data-cart={h.cart}>
              {showVariant && (
                <Td>
                  <Link href={`/admin/inventory/${h.variantId}`} className="text-brand-700 hover:underline">{h.productName}</Link>
                  <div className="text-xs text-zinc-500">{h.variantTitle} · <span className="font-mono">{h.sku}</span></div>
                </Td>
              )}
              <Td className="font-mono text-xs">{h.cart}</Td>
              <NumberCell value={h.quantity} />
              <Td>{h.warehouses}</Td>
              <Td className="whitespace-nowrap">
                <LocalTime value={h.expiresAt} format="relative" />
              </Td>
              <Td>
                <ReleaseHoldForm holdId={h.holdId} description={`${h.quantity} × ${h.sku} for ${h.cart}`} />
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
