export type ActionErrorCode =
  | "VALIDATION"
  | "NOT_FOUND"
  | "INSUFFICIENT_STOCK"
  | "HOLD_EXPIRED"
  | "EMPTY_CART"
  | "NEGATIVE_STOCK"
  | "CONFLICT"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "INVALID_CREDENTIALS"
  | "RATE_LIMITED"
  | "PAYMENT_DECLINED"
  | "UNAVAILABLE"
  | "INTERNAL";

export type ActionError = {
  code: ActionErrorCode;
  message: string;
  fieldErrors?: Record<string, string[]>;
  details?: Record<string, unknown>;
};

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };
