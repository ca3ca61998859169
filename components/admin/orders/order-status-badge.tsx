import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { OrderStatus } from "@/generated/prisma/enums";

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  PLACED: "Placed",
  PARTIALLY_FULFILLED: "Partly fulfilled",
  FULFILLED: "Fulfilled",
  CANCELLED: "Cancelled",
};

const TONES: Record<OrderStatus, BadgeTone> = { PLACED: "info", PARTIALLY_FULFILLED: "warning", FULFILLED: "success", CANCELLED: "neutral" };

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  return <Badge tone={TONES[status]} data-testid="order-status" data-status={status}>{ORDER_STATUS_LABELS[status]}</Badge>;
}

/** SR-10042: the number people read out on the phone. */
export const orderNumber = (n: number) => `SR-${n}`;
