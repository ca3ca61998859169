export type InventoryErrorCode =
  | "VALIDATION"
  | "NOT_FOUND"
  | "INSUFFICIENT_STOCK"
  | "HOLD_EXPIRED"
  | "EMPTY_CART"
  | "NEGATIVE_STOCK"
  | "CONFLICT";

/** An expected domain failure: its message is safe to show to the person who caused it. */
export class InventoryError extends Error {
  constructor(
    readonly code: InventoryErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "InventoryError";
  }
}

export class InsufficientStockError extends InventoryError {
  constructor(
    readonly variantId: string,
    /** The most the caller could have right now (for a cart line: the most it could hold). */
    readonly available: number,
    message = available > 0 ? `Only ${available} available` : "Out of stock",
  ) {
    super("INSUFFICIENT_STOCK", message, { variantId, available });
  }
}

export function isInventoryError(error: unknown): error is InventoryError {
  return error instanceof InventoryError;
}
