import { z } from "zod";
import { text } from "./text";
import { MAX_LINE_QUANTITY, idSchema } from "./inventory";

export const CATALOGUE_PAGE_SIZE = 12;

/** Catalogue query string: lenient (bad values fall back to defaults) because it comes from shareable URLs. */
export const catalogueQuerySchema = z.object({
  q: text({ max: 100 }).catch("").default(""),
  category: text({ max: 60 }).catch("").default(""),
  inStock: z.preprocess((v) => v === "1" || v === "true" || v === true, z.boolean()).catch(false),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type CatalogueQuery = z.infer<typeof catalogueQuerySchema>;

const lineQuantity = z.coerce
  .number({ message: "must be a number" })
  .int("must be a whole number")
  .min(1, "must be at least 1")
  .max(MAX_LINE_QUANTITY, `at most ${MAX_LINE_QUANTITY} per line`);

export const addToCartSchema = z.object({ variantId: idSchema, quantity: lineQuantity.default(1) });
export const setCartLineSchema = z.object({ variantId: idSchema, quantity: lineQuantity });
export const cartLineRefSchema = z.object({ variantId: idSchema });

export const streamQuerySchema = z.object({ productId: idSchema, variantId: idSchema.optional() });
