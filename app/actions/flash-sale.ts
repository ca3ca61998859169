"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions";
import { endFlashSale, getFlashSaleStatus, MAX_FLASH_BUCKETS, MIN_FLASH_BUCKETS, startFlashSale } from "@/lib/inventory/flash-sale";
import { idSchema } from "@/lib/validation/inventory";

// Flash-sale mode is ADMIN-only: it changes how a variant's stock is locked.
// The acting admin is recorded on the ledger rows; the admin variant page
// revalidates itself (`revalidate` lets the caller name the page to refresh).

const revalidateSchema = z.string().startsWith("/admin/").max(300).optional();

export const startVariantFlashSale = defineAction({
  name: "startVariantFlashSale",
  access: "ADMIN",
  input: z.object({
    variantId: idSchema,
    buckets: z.coerce.number().int("Enter a whole number")
      .min(MIN_FLASH_BUCKETS, `Use at least ${MIN_FLASH_BUCKETS} buckets`)
      .max(MAX_FLASH_BUCKETS, `Use at most ${MAX_FLASH_BUCKETS} buckets`),
    revalidate: revalidateSchema,
  }),
  handler: async ({ variantId, buckets, revalidate }, { user, revalidatePath }) => {
    const status = await startFlashSale({ variantId, buckets, actor: user.email });
    if (revalidate) revalidatePath(revalidate);
    return status;
  },
});

export const endVariantFlashSale = defineAction({
  name: "endVariantFlashSale",
  access: "ADMIN",
  input: z.object({ variantId: idSchema, revalidate: revalidateSchema }),
  handler: async ({ variantId, revalidate }, { user, revalidatePath }) => {
    const status = await endFlashSale({ variantId, actor: user.email });
    if (revalidate) revalidatePath(revalidate);
    return status;
  },
});

export const variantFlashSaleStatus = defineAction({
  name: "variantFlashSaleStatus",
  access: "ADMIN",
  input: z.object({ variantId: idSchema }),
  handler: async ({ variantId }) => getFlashSaleStatus(variantId),
});
