import { z } from "zod";
import { MAX_STOCK_DELTA } from "@/lib/validation/inventory";
import { BULK_MODES } from "@/lib/inventory/bulk/format";

// One CSV data row, as strings straight from the parser (see normalizeCells).
// Messages are written for the person fixing the file, so they name the
// column and the rule. Kept to plain checks, no nested pipes: it runs 100k
// times per large upload.

// No control characters, no U+FFFD (what invalid UTF-8 decodes to).
const CLEAN = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFD]*$/;

const text = (column: string, max: number) =>
  z
    .string()
    .max(max, `${column} is longer than ${max} characters`)
    .regex(CLEAN, `${column} contains control characters or invalid UTF-8`);

const required = (column: string, max: number) => text(column, max).min(1, { message: `${column} is required`, abort: true });
const optional = (column: string, max: number) => text(column, max).transform((v) => (v === "" ? null : v));

export const bulkRowSchema = z
  .object({
    sku: required("sku", 100),
    warehouse: required("warehouse", 50),
    quantity: z
      .string()
      .min(1, { message: "quantity is required", abort: true })
      .regex(/^[+-]?\d+$/, { message: "quantity must be a whole number", abort: true })
      .transform(Number)
      .refine((n) => n >= 0, "quantity cannot be negative (use mode decrement)")
      .refine((n) => n <= MAX_STOCK_DELTA, `quantity must be at most ${MAX_STOCK_DELTA.toLocaleString("en")}`),
    mode: z.enum(BULK_MODES, { message: `mode must be one of ${BULK_MODES.join(", ")}` }),
    reference: optional("reference", 120),
    notes: optional("notes", 1_000),
  })
  .refine((row) => row.mode === "set" || row.quantity > 0, {
    message: "quantity must be at least 1 for increment and decrement",
    path: ["quantity"],
  });

export type BulkRowInput = z.input<typeof bulkRowSchema>;

/** Every message of a failed row, in column order, as one sentence. */
export function rowErrorMessage(error: z.ZodError): string {
  return [...new Set(error.issues.map((issue) => issue.message))].join("; ");
}
