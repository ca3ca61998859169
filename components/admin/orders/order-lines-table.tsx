import Link from "next/link";
import { formatCents, formatNumber } from "@/components/admin/format";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { OrderDetailLine } from "@/lib/admin/order-detail";
import { lineStates, type LineStatePart } from "@/lib/store/order-lines";

export const LINE_STATE_LABELS: Record<LineStatePart["state"], string> = {
  committed: "committed",
  backordered: "backordered",
  fulfilled: "fulfilled",
  cancelled: "cancelled",
  returned: "returned",
  awaitingInspection: "awaiting inspection",
  restocked: "restocked",
  writtenOff: "written off",
};

const TONES: Record<LineStatePart["state"], BadgeTone> = {
  committed: "info", backordered: "warning", fulfilled: "success", cancelled: "neutral",
  returned: "neutral", awaitingInspection: "warning", restocked: "success", writtenOff: "danger",
};

/** Each line with where it ships from and what its units are doing (a line can be in several states at once). */
export function OrderLinesTable({ lines }: { lines: OrderDetailLine[] }) {
  return (
    <Table data-testid="order-lines">
      <caption className="sr-only">Order lines, their warehouse and state</caption>
      <thead>
        <tr>
          <Th>Item</Th>
          <Th>Ships from</Th>
          <Th numeric>Ordered</Th>
          <Th numeric>Price</Th>
          <Th>State</Th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.id} data-testid="order-line" data-sku={line.sku} data-warehouse={line.warehouseCode}>
            <Td>
              <Link href={`/admin/inventory/${line.variantId}`} className="font-medium text-brand-700 hover:underline">{line.productName}</Link>
              <div className="text-xs text-zinc-500">{line.variantTitle} · <span className="font-mono">{line.sku}</span>{line.preorder && " · pre-order"}</div>
            </Td>
            <Td>{line.warehouseCode} <span className="text-zinc-500">{line.warehouseName}</span></Td>
            <Td numeric>{formatNumber(line.figures.ordered)}</Td>
            <Td numeric>{formatCents(line.unitPriceCents)}</Td>
            <Td>
              <span className="flex flex-wrap gap-1">
                {lineStates(line.figures).map((part) => (
                  <Badge key={part.state} tone={TONES[part.state]} data-state={part.state} data-quantity={part.quantity}>
                    {formatNumber(part.quantity)} {LINE_STATE_LABELS[part.state]}
                  </Badge>
                ))}
              </span>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
