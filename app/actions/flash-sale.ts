"use server";

import { z } from "zod";
import { text } from "@/lib/validation/text";
import { defineAction } from "@/lib/actions";
import { audited } from "@/lib/admin/audit";
import { flashSaleSnapshot, variantLabel } from "@/lib/admin/audit-snapshots";
import { endFlashSale, getFlashSaleStatus, MAX_FLASH_BUCKETS, MIN_FLASH_BUCKETS, startFlashSale } from "@/lib/inventory/flash-sale";
import { idSchema } from "@/lib/validation/inventory";

// Flash-sale mode is ADMIN-only: it changes how a variant's stock is locked.
// The acting admin is recorded on the ledger rows; the admin variant page
// revalidates itself (`revalidate` lets the caller name the page to refresh).

const revalidateSchema = text({ max: 300 }).startsWith("/admin/").optional();

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
    const status = await audited(
      { actorEmail: user.email, action: "flash_sale.start", target: await variantLabel(variantId) },
      () => flashSaleSnapshot(variantId),
      () => startFlashSale({ variantId, buckets, actor: user.email }),
    );
    if (revalidate) revalidatePath(revalidate);
    return status;
  },
});

export const endVariantFlashSale = defineAction({
  name: "endVariantFlashSale",
  access: "ADMIN",
  input: z.object({ variantId: idSchema, revalidate: revalidateSchema }),
  handler: async ({ variantId, revalidate }, { user, revalidatePath }) => {
    const status = await audited(
      { actorEmail: user.email, action: "flash_sale.end", target: await variantLabel(variantId) },
      () => flashSaleSnapshot(variantId),
      () => endFlashSale({ variantId, actor: user.email }),
    );
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
