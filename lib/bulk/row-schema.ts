import { z } from "zod";
import { MAX_STOCK_DELTA } from "@/lib/validation/inventory";
import { BULK_MODES } from "./format";
import { unprotectCell } from "./csv-cell";

// One CSV data row, as strings straight from the parser. Messages are written
// for the person fixing the file, so they name the column and the rule.
const text = (column: string, max: number) =>
  z
    .string()
    .transform(unprotectCell)
    .pipe(
      z
        .string()
        .max(max, `${column} is longer than ${max} characters`)
        .refine((v) => !v.includes("\uFFFD"), `${column} is not valid UTF-8`)
        .refine((v) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(v), `${column} contains control characters`),
    );

const optionalText = (column: string, max: number) =>
  text(column, max).transform((v) => (v === "" ? null : v));

export const bulkRowSchema = z
  .object({
    sku: text("sku", 100).refine((v) => v.length > 0, "sku is required"),
    warehouse: text("warehouse", 50)
      .refine((v) => v.length > 0, "warehouse is required")
      .transform((v) => v.toUpperCase()),
    quantity: z
      .string()
      .refine((v) => v !== "", { message: "quantity is required", abort: true })
      .regex(/^[+-]?\d+$/, "quantity must be a whole number")
      .transform(Number)
      .pipe(
        z
          .number()
          .min(0, "quantity cannot be negative (use mode decrement)")
          .max(MAX_STOCK_DELTA, `quantity must be at most ${MAX_STOCK_DELTA.toLocaleString("en")}`),
      ),
    mode: z
      .string()
      .transform((v) => v.toLowerCase())
      .pipe(z.enum(BULK_MODES, { message: `mode must be one of ${BULK_MODES.join(", ")}` })),
    reference: optionalText("reference", 120),
    notes: optionalText("notes", 1_000),
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
