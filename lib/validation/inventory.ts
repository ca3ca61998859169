import { z } from "zod";
import { text } from "./text";

/** The most units one cart line may hold; larger orders go through sales. */
export const MAX_LINE_QUANTITY = 999;
/** The most a single stock operation may move; guards against typos like 10000000. */
export const MAX_STOCK_DELTA = 1_000_000;

export const idSchema = z.uuid({ message: "must be a valid id" });
export const sessionIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16,128}$/, "must be a cart session id");
export const actorSchema = text({ min: 1, max: 200 });
export const referenceSchema = text({ min: 1, max: 120 });
export const notesSchema = text({ max: 1_000, multiline: true });

export const reserveStockSchema = z.object({
  variantId: idSchema,
  sessionId: sessionIdSchema,
  quantity: z.number().int("must be a whole number").min(0, "cannot be negative").max(MAX_LINE_QUANTITY, `at most ${MAX_LINE_QUANTITY} per line`),
  ttlSeconds: z.number().int().min(1).max(86_400).optional(),
  now: z.date().optional(),
});

export const releaseReservationSchema = z.object({
  sessionId: sessionIdSchema,
  variantId: idSchema.optional(),
});

const positiveQuantity = z.number().int("must be a whole number").positive("must be at least 1").max(MAX_STOCK_DELTA);

const stockOperationBase = z.object({
  variantId: idSchema,
  warehouseId: idSchema,
  actor: actorSchema,
  reference: referenceSchema.optional(),
  notes: notesSchema.optional(),
});

export const adjustStockSchema = stockOperationBase.extend({
  delta: z.number().int("must be a whole number").min(-MAX_STOCK_DELTA).max(MAX_STOCK_DELTA).refine((d) => d !== 0, "cannot be zero"),
  notes: notesSchema.min(1, "say why stock is adjusted"),
});
export const receiveStockSchema = stockOperationBase.extend({ quantity: positiveQuantity, reference: referenceSchema });
export const returnStockSchema = stockOperationBase.extend({ quantity: positiveQuantity });
export const damageStockSchema = stockOperationBase.extend({ quantity: positiveQuantity });
export const transferStockSchema = z.object({
  variantId: idSchema,
  fromWarehouseId: idSchema,
  toWarehouseId: idSchema,
  quantity: positiveQuantity,
  actor: actorSchema,
  reference: referenceSchema.optional(),
  notes: notesSchema.optional(),
}).refine((t) => t.fromWarehouseId !== t.toWarehouseId, { message: "choose two different warehouses", path: ["toWarehouseId"] });

export const commitReservationSchema = z.object({
  sessionId: sessionIdSchema,
  orderId: idSchema,
  customer: z.object({
    // Lowercased: order lookup and the admin's email search compare addresses without case.
    email: z.email().max(200).transform((email) => email.toLowerCase()),
    name: text({ min: 1, max: 200 }),
    address: z.record(text({ max: 60 }), text({ max: 500 })).default({}),
  }),
  now: z.date().optional(),
});

export const unavailableReasonSchema = z.enum(["QUALITY_CONTROL", "DAMAGED"], { message: "choose quality control or damaged" });

/** Sellable units set aside as unavailable (returns are set aside by the order's return instead). */
export const setAsideStockSchema = stockOperationBase.extend({ quantity: positiveQuantity, reason: unavailableReasonSchema });

/** Units set aside for `reason` back to sellable (restock) or out of on hand (write off). */
export const releaseSetAsideSchema = stockOperationBase.extend({
  quantity: positiveQuantity,
  reason: unavailableReasonSchema,
  disposition: z.enum(["restock", "write_off"], { message: "choose restock or write off" }),
});
