import { DomainError, type ErrorBody, type ErrorCode } from "@/lib/errors";
import { logger } from "@/lib/logger";

// What a caller may see of an error, for server actions (lib/actions) and
// route handlers (json-error.ts) alike: one mapping, so both edges agree.

// Driver, pool and Prisma messages (and SQLSTATE classes 08 "connection
// exception" and 57P0x "server shutting down / starting up") that mean the
// database could not be reached or dropped the connection — not a bug.
const CONNECTION_FAILURE =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|Connection terminated|connection timeout|timeout exceeded when trying to connect|not queryable|server closed the connection|terminating connection|the database system is (starting up|shutting down)|Can't reach database|P1001|P1017|P2024|too many clients|\b08(000|001|003|004|006|P01)\b|\b57P0[1-3]\b/i;

type ErrorLike = { message?: unknown; code?: unknown; cause?: unknown; errors?: unknown };

// Too busy rather than broken: Prisma could not start an interactive
// transaction in time (P2028, every pooled connection busy) or a bulkhead's
// queue waited too long (ServiceBusyError) — the caller may simply try again.
const BUSY = /P2028|Unable to start a transaction in the given time|STOCKROOM_BUSY/i;
// A write named a row that does not exist (a foreign key: an unknown variant,
// warehouse or user id in the input): the caller's mistake, not ours.
const MISSING_REFERENCE = /P2003|\b23503\b|violates foreign key constraint|Foreign key constraint (failed|violated)/i;

/**
 * Whether the error, its causes or (for an AggregateError) its inner errors
 * carry a message or code matching `pattern`. Duck-typed rather than
 * `instanceof Error`: errors from the socket layer may come from another
 * realm (Jest's VM context), and Node's "connect ECONNREFUSED" for a host with
 * several addresses is an AggregateError whose own message is empty.
 */
function matches(error: unknown, pattern: RegExp, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 3) return false;
  const { message, code, cause, errors } = error as ErrorLike;
  if (pattern.test(`${typeof message === "string" ? message : ""} ${typeof code === "string" ? code : ""}`)) return true;
  if (Array.isArray(errors) && errors.some((inner) => matches(inner, pattern, depth + 1))) return true;
  return matches(cause, pattern, depth + 1) || (typeof cause === "string" && pattern.test(cause));
}

export function isDatabaseUnavailable(error: unknown): boolean {
  return matches(error, CONNECTION_FAILURE);
}

/** Who reads the message: shoppers are told about "the store"; staff (admin, ops, bulk uploads) about the inventory database. */
export type Audience = "shopper" | "staff";

const OUTAGE: Record<Audience, { down: string; busy: string }> = {
  shopper: {
    down: "The store is temporarily unavailable. Please try again in a moment.",
    busy: "The store is busy right now. Please try again in a moment.",
  },
  staff: {
    down: "The inventory database is unreachable right now, so nothing was read or changed. Please try again in a moment.",
    busy: "The inventory database is busy right now, so nothing was changed. Please try again in a moment.",
  },
};

/**
 * Maps anything thrown by an action or route to what the caller may see.
 * Domain and auth errors keep their message; infrastructure failures become
 * UNAVAILABLE; everything else is logged and shown as a generic message, so a
 * raw Prisma or driver error never reaches a user.
 */
export function toActionError(error: unknown, context: string, audience: Audience = "shopper"): ErrorBody {
  if (error instanceof DomainError) {
    const { fieldErrors: _omit, ...details } = error.details;
    const { fieldErrors } = error;
    return {
      code: error.code,
      message: error.message,
      ...(fieldErrors ? { fieldErrors } : {}),
      ...(Object.keys(details).length ? { details } : {}),
    };
  }
  if (isDatabaseUnavailable(error)) {
    logger.warn("database unavailable", { context, error: String(error) });
    return { code: "UNAVAILABLE", message: OUTAGE[audience].down };
  }
  if (matches(error, BUSY)) {
    logger.warn("database busy", { context, error: String(error) });
    return { code: "UNAVAILABLE", message: OUTAGE[audience].busy };
  }
  if (matches(error, MISSING_REFERENCE)) {
    logger.info("reference to a missing row", { context, error: String(error) });
    return { code: "NOT_FOUND", message: "Something this request refers to does not exist (it may have been deleted)." };
  }
  logger.error("unexpected error", { context, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  return { code: "INTERNAL", message: "Something went wrong. Please try again." };
}

const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  NOT_FOUND: 404,
  INSUFFICIENT_STOCK: 409,
  HOLD_EXPIRED: 409,
  EMPTY_CART: 409,
  NEGATIVE_STOCK: 409,
  CONFLICT: 409,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  INVALID_CREDENTIALS: 401,
  RATE_LIMITED: 429,
  PAYMENT_DECLINED: 402,
  ORDER_STATE: 409,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

export function httpStatusFor(code: ErrorCode): number {
  return HTTP_STATUS[code];
}
