import { z } from "zod";
import { idSchema, MAX_LINE_QUANTITY, notesSchema } from "@/lib/validation/inventory";
import { text } from "@/lib/validation/text";
import { LINE_FIELD_PREFIX } from "@/lib/store/order-lines";

// Inputs of the order forms (admin and shopper). Forms post strings: one
// quantity input per order line, named `qty:<orderLineId>`; blank or 0 means
// "not this line". Each form carries the eventId the page issued when it
// rendered, so a double submit is one action (the domain's idempotency key).
// The domain validates again with its own schemas; field names match, so its
// errors land on the same inputs.

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalText = (max: number) => z.preprocess(blank, text({ max }).optional());
const optionalNotes = z.preprocess(blank, notesSchema.optional());

const lineQuantity = z.preprocess(
  blank,
  z.coerce.number({ message: "enter a quantity" }).int("must be a whole number").min(0, "cannot be negative").max(MAX_LINE_QUANTITY, `at most ${MAX_LINE_QUANTITY}`).optional(),
);

/** The `qty:<line id>` inputs of a posted form as [{ orderLineId, quantity }] (blank and 0 dropped), with per-input errors. */
const chosenLines = z.record(z.string(), z.unknown()).transform((raw, ctx) => {
  const lines: { orderLineId: string; quantity: number }[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (!key.startsWith(LINE_FIELD_PREFIX)) continue;
    const id = idSchema.safeParse(key.slice(LINE_FIELD_PREFIX.length));
    const quantity = lineQuantity.safeParse(value);
    if (!id.success) {
      ctx.addIssue({ code: "custom", path: ["lines"], message: "unknown order line" });
    } else if (!quantity.success) {
      ctx.addIssue({ code: "custom", path: [key], message: quantity.error.issues[0]?.message ?? "enter a quantity" });
    } else if (quantity.data) {
      lines.push({ orderLineId: id.data, quantity: quantity.data });
    }
  }
  return lines;
});

const base = z.object({ eventId: idSchema, orderId: idSchema });

type Line = { orderLineId: string; quantity: number };

/** The form's own fields plus its chosen lines; with `scope=all` (optional lines only) no lines: "everything the action allows". */
function withLines<S extends z.ZodType<Record<string, unknown>>, R>(schema: S, finish: (data: z.infer<S>, lines: Line[]) => R | string) {
  return z.unknown().transform((raw, ctx) => {
    const parsed = schema.safeParse(raw);
    const lines = chosenLines.safeParse(raw && typeof raw === "object" ? raw : {});
    for (const issue of [...(parsed.error?.issues ?? []), ...(lines.error?.issues ?? [])]) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
    if (!parsed.success || !lines.success) return z.NEVER;
    const result = finish(parsed.data, lines.data);
    if (typeof result === "string") {
      ctx.addIssue({ code: "custom", path: ["lines"], message: result });
      return z.NEVER;
    }
    return result;
  });
}

const NO_LINE = "enter a quantity for at least one line";
const optionalLines = <T extends { scope: "all" | "chosen" }>(data: T, lines: Line[]) =>
  data.scope === "all" ? { ...data, lines: undefined } : lines.length ? { ...data, lines } : NO_LINE;
const requiredLines = <T,>(data: T, lines: Line[]) => (lines.length ? { ...data, lines } : NO_LINE);

export const fulfilForm = withLines(
  base.extend({
    scope: z.enum(["all", "chosen"], { message: "choose what to ship" }),
    warehouseId: z.preprocess(blank, z.uuid({ message: "choose a warehouse" }).optional()),
    trackingNumber: optionalText(100),
    note: optionalNotes,
  }),
  optionalLines,
);

export const cancelForm = withLines(
  base.extend({ scope: z.enum(["all", "chosen"], { message: "choose what to cancel" }), note: optionalNotes }),
  optionalLines,
);

/** The refund as typed ("12.50", "$12", "0"), in integer cents. */
const refundCents = z.preprocess(
  (v) => (typeof v === "string" ? (v.trim() === "" ? "0" : v.trim().replace(/^\$/, "")) : v),
  z.string().regex(/^\d{1,7}(\.\d{1,2})?$/, "enter an amount like 12.50").transform((s) => Math.round(Number(s) * 100)),
);

export const returnForm = withLines(base.extend({ refundCents, note: optionalNotes }), requiredLines);

export const disposeForm = withLines(
  base.extend({ disposition: z.enum(["restock", "write_off"], { message: "choose restock or write off" }), note: optionalNotes }),
  requiredLines,
);

export const shopperCancelForm = base;
