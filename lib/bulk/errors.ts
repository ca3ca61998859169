import { ValidationError } from "@/lib/errors";

export { formatBytes } from "@/lib/inventory/bulk/format";

export type BulkFileErrorKind = "TOO_LARGE" | "BAD_HEADER" | "MALFORMED" | "EMPTY";

/**
 * The file as a whole cannot be read (too big, no usable header, broken
 * quoting): nothing in it is looked at further. Row-level problems are
 * RowErrors instead, so the person sees all of them at once.
 */
export class BulkFileError extends ValidationError {
  constructor(
    readonly kind: BulkFileErrorKind,
    message: string,
  ) {
    super(message);
  }

  /** 413 for an oversized file, 400 for everything else. */
  get httpStatus(): number {
    return this.kind === "TOO_LARGE" ? 413 : 400;
  }
}
