import { z } from "zod";
import { actorSchema, idSchema, MAX_LINE_QUANTITY, notesSchema, sessionIdSchema } from "./inventory";
import { text } from "./text";

const lineQuantity = z.object({
  orderLineId: idSchema,
  quantity: z.number().int("must be a whole number").positive("must be at least 1").max(MAX_LINE_QUANTITY),
});
const lineList = z.array(lineQuantity).min(1, "choose at least one line").max(200)
  .refine((lines) => new Set(lines.map((l) => l.orderLineId)).size === lines.length, "each line at most once");

const transitionBase = z.object({
  /** The form's idempotency key: a retry with the same id changes nothing twice. */
  eventId: idSchema,
  orderId: idSchema,
  actor: actorSchema,
  note: notesSchema.optional(),
});

export const fulfilOrderSchema = transitionBase.extend({
  /** Omitted: every line that can ship (from `warehouseId` only, if given). */
  lines: lineList.optional(),
  warehouseId: idSchema.optional(),
  trackingNumber: text({ max: 100 }).optional(),
});

export const cancelOrderSchema = transitionBase.extend({
  /** Omitted: every unfulfilled unit. */
  lines: lineList.optional(),
});

export const shopperCancelSchema = z.object({ eventId: idSchema, orderId: idSchema, sessionId: sessionIdSchema });

export const returnOrderSchema = transitionBase.extend({
  lines: lineList,
  refundCents: z.number().int("must be a whole number of cents").min(0, "cannot be negative").max(100_000_000),
});

export const disposeReturnSchema = transitionBase.extend({
  disposition: z.enum(["restock", "write_off"], { message: "choose restock or write off" }),
  lines: lineList,
});

/** SR-10042, sr10042 or 10042. */
export const orderNumberSchema = z.string().trim()
  .regex(/^(sr-?)?\d{1,9}$/i, "Enter the order number from your confirmation, like SR-10042")
  .transform((s) => Number(s.replace(/^sr-?/i, "")));

export const orderLookupSchema = z.object({
  number: orderNumberSchema,
  email: z.email("Enter the email address used for the order").max(200).transform((e) => e.toLowerCase()),
});
