import type { ErrorBody, ErrorCode } from "@/lib/errors";

export type ActionErrorCode = ErrorCode;

export type ActionError = ErrorBody;

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };
