// The one hierarchy of expected failures. Every class here carries a `code`
// and a message that is safe to show to the person who caused it; the edges
// (lib/actions for server actions, lib/http for route handlers) map them to
// `{ code, message, fieldErrors? }` without knowing who threw them. Anything
// thrown that is not a DomainError is a bug or an outage, never shown as is.

export type AuthErrorCode = "UNAUTHENTICATED" | "FORBIDDEN" | "INVALID_CREDENTIALS";

export type InventoryErrorCode = "INSUFFICIENT_STOCK" | "HOLD_EXPIRED" | "NEGATIVE_STOCK";

export type DomainErrorCode =
  | "VALIDATION"
  | "NOT_FOUND"
  | "CONFLICT"
  | "EMPTY_CART"
  | "RATE_LIMITED"
  | "PAYMENT_DECLINED"
  | "ORDER_STATE"
  | InventoryErrorCode
  | AuthErrorCode;

/** Every code a caller can receive: the domain's, plus the two the edges add for outages and bugs. */
export type ErrorCode = DomainErrorCode | "UNAVAILABLE" | "INTERNAL";

/** What a caller sees of any error (the `error` of an action result or of a route's JSON body). */
export type ErrorBody = {
  code: ErrorCode;
  message: string;
  fieldErrors?: Record<string, string[]>;
  details?: Record<string, unknown>;
};

export type FieldErrors = Record<string, string[]>;

/** An expected failure; `details` (for example the units still available) travel to the caller. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }

  /** Messages per input field, for forms to show next to the field. */
  get fieldErrors(): FieldErrors | undefined {
    return this.details.fieldErrors as FieldErrors | undefined;
  }
}

/** The input was refused: by a zod schema (see lib/validation/parse.ts) or a later check of one field. */
export class ValidationError extends DomainError {
  constructor(message: string, fieldErrors?: FieldErrors) {
    super("VALIDATION", message, fieldErrors ? { fieldErrors } : {});
  }
}

export class NotFoundError extends DomainError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super("NOT_FOUND", message, details);
  }
}

/** The request contradicts the current state (already used, taken meanwhile, busy). */
export class ConflictError extends DomainError {
  constructor(message: string, fieldErrors?: FieldErrors) {
    super("CONFLICT", message, fieldErrors ? { fieldErrors } : {});
  }
}

export class EmptyCartError extends DomainError {
  constructor(message: string) {
    super("EMPTY_CART", message);
  }
}

export class RateLimitedError extends DomainError {
  constructor(message: string) {
    super("RATE_LIMITED", message);
  }
}

export class PaymentDeclinedError extends DomainError {
  constructor(message: string, fieldErrors?: FieldErrors) {
    super("PAYMENT_DECLINED", message, fieldErrors ? { fieldErrors } : {});
  }
}

/**
 * The order's state refuses the transition: shipping more than is open or
 * covered by stock, returning more than was shipped, a shopper cancelling
 * after shipment. `details` names the line and what it allows.
 */
export class OrderStateError extends DomainError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super("ORDER_STATE", message, details);
  }
}

/**
 * A stock rule refused the change. Also the class lib/inventory throws for its
 * own "no such variant / invalid quantity" cases, so callers of the inventory
 * module can catch one class; code tells them apart.
 */
export class InventoryError extends DomainError {
  constructor(code: InventoryErrorCode | "VALIDATION" | "NOT_FOUND" | "CONFLICT" | "EMPTY_CART", message: string, details: Record<string, unknown> = {}) {
    super(code, message, details);
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

/**
 * Not a refusal but back-pressure: too many requests of this kind are in
 * flight (lib/http/public-error maps it to a retryable UNAVAILABLE, like
 * Prisma's P2028). Not a DomainError: its message is not meant for callers.
 */
export class ServiceBusyError extends Error {
  readonly code = "STOCKROOM_BUSY";
}

/** Refusal of a request for who is (or is not) asking. */
export class AuthError extends DomainError {
  declare readonly code: AuthErrorCode;

  constructor(
    code: AuthErrorCode,
    message = code === "UNAUTHENTICATED" ? "Please sign in" : code === "FORBIDDEN" ? "You do not have permission to do that" : "Wrong email or password",
  ) {
    super(code, message);
  }
}
