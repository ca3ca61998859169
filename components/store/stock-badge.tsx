import { CalendarClock, CircleCheck, CircleX, Clock, TriangleAlert } from "lucide-react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { statusLabel, stockStatus, type StockStatus, type VariantAvailability } from "@/lib/store/stock-status";

const look: Record<StockStatus["kind"], { tone: BadgeTone; Icon: typeof CircleCheck }> = {
  in_stock: { tone: "success", Icon: CircleCheck },
  low_stock: { tone: "warning", Icon: TriangleAlert },
  out_of_stock: { tone: "danger", Icon: CircleX },
  backorder: { tone: "info", Icon: Clock },
  preorder: { tone: "info", Icon: CalendarClock },
};

/** The shopper-facing availability of one variant; announced politely when it changes live. */
export function StockBadge({ stock }: { stock: VariantAvailability }) {
  const status = stockStatus(stock);
  const { tone, Icon } = look[status.kind];
  return (
    <Badge tone={tone} data-testid="stock-badge" data-status={status.kind} aria-live="polite" className="text-sm">
      <Icon aria-hidden className="size-4" />
      {statusLabel(status)}
    </Badge>
  );
}
