// Number formatting for admin pages. Integers and cents only (CONVENTIONS: money as integer cents).
const number = new Intl.NumberFormat("en-US");
const money = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

export function formatNumber(n: number): string {
  return number.format(n);
}

export function formatCents(cents: number): string {
  return money.format(cents / 100);
}

/** "+5" / "-3" / "0": movement quantities always show their sign. */
export function formatSigned(n: number): string {
  return n > 0 ? `+${number.format(n)}` : number.format(n);
}

export const MOVEMENT_LABELS: Record<string, string> = {
  PURCHASE_ORDER: "Purchase order",
  SALE: "Sale",
  RETURN: "Return",
  ADJUSTMENT: "Adjustment",
  RESERVATION: "Cart hold",
  RELEASE: "Hold released",
  DAMAGE: "Damage",
  TRANSFER: "Transfer",
  COMMIT: "Order committed",
  FULFILMENT: "Fulfilment",
  CANCELLATION: "Order cancellation",
  ALLOCATION: "Backorder allocation",
  RESTOCK: "Restocked (was unavailable)",
  WRITE_OFF: "Written off (was unavailable)",
  SET_ASIDE: "Set aside as unavailable",
};
