import { Badge } from "@/components/ui/badge";
import type { StockStatus } from "@/lib/admin/stock-sql";

const STATUS = {
  ok: { tone: "success", label: "In stock" },
  low: { tone: "warning", label: "Low" },
  out: { tone: "danger", label: "Out of stock" },
} as const;

export function StockStatusBadge({ status }: { status: StockStatus }) {
  return <Badge tone={STATUS[status].tone}>{STATUS[status].label}</Badge>;
}

export function PolicyBadge({ policy }: { policy: "DENY" | "BACKORDER" | "PREORDER" }) {
  if (policy === "DENY") return null;
  return <Badge tone="info">{policy === "BACKORDER" ? "Backorder" : "Pre-order"}</Badge>;
}
