import type { AuthErrorCode } from "@/lib/auth/errors";
import type { InventoryErrorCode } from "@/lib/inventory/errors";

export type ActionErrorCode = InventoryErrorCode | AuthErrorCode | "RATE_LIMITED" | "PAYMENT_DECLINED" | "UNAVAILABLE" | "INTERNAL";

export type ActionError = {
  code: ActionErrorCode;
  message: string;
  fieldErrors?: Record<string, string[]>;
  details?: Record<string, unknown>;
};

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };
