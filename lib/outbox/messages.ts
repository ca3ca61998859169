// Human-readable text for a notification's payload (Slack, email).

export type NotificationPayload = Record<string, unknown> & { type?: string };

function str(value: unknown): string {
  return typeof value === "string" || typeof value === "number" ? String(value) : "";
}

export function subjectFor(payload: NotificationPayload): string {
  switch (payload.type) {
    case "low_stock":
      return `Low stock: ${str(payload.productName)} (${str(payload.sku)}) — ${str(payload.available)} left`;
    case "back_in_stock":
      return `${str(payload.productName)} is back in stock`;
    case "order_confirmed":
      return `Order ${str(payload.orderNumber)} confirmed`;
    case "order_shipped":
      return payload.status === "FULFILLED" ? `Order ${str(payload.orderNumber)} has shipped` : `Part of order ${str(payload.orderNumber)} has shipped`;
    case "order_cancelled":
      return payload.status === "CANCELLED" ? `Order ${str(payload.orderNumber)} is cancelled` : `Items of order ${str(payload.orderNumber)} were cancelled`;
    default:
      return "Stockroom test notification";
  }
}

export function textFor(payload: NotificationPayload): string {
  switch (payload.type) {
    case "low_stock":
      return [
        `${str(payload.productName)} — ${str(payload.variantTitle)} (SKU ${str(payload.sku)}) is low on stock.`,
        `Available: ${str(payload.available)} (alert threshold ${str(payload.threshold)}).`,
      ].join("\n");
    case "back_in_stock":
      return [
        `Good news: ${str(payload.productName)} (${str(payload.variantTitle)}) is back in stock.`,
        `Order it here: ${str(payload.url)}`,
        "",
        "You asked us to tell you once; we will not email you about it again.",
      ].join("\n");
    case "order_confirmed":
    case "order_shipped":
    case "order_cancelled":
      return [
        `Hello ${str(payload.name)},`,
        "",
        `${subjectFor(payload)}.`,
        `See its status any time: ${str(payload.url)} (order number ${str(payload.orderNumber)} and this email address).`,
      ].join("\n");
    default:
      return `This is a test from Stockroom (${str(payload.channelName)}). If you can read it, the channel works.`;
  }
}
