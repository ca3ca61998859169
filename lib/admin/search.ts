import { z } from "zod";
import { db } from "@/lib/db";
import { text } from "@/lib/validation/text";

export const adminSearchQuerySchema = z.object({ q: text({ min: 1, max: 100 }) });

export type AdminSearchHit = { kind: "variant"; id: string; sku: string; productName: string; title: string; href: string };

/**
 * Variants matching a SKU, product name or variant title (case-insensitive,
 * SKU prefix matches first), for the admin's command palette. At most `take`.
 */
export async function searchAdmin(q: string, take = 8): Promise<AdminSearchHit[]> {
  const term = q.trim();
  const rows = await db.productVariant.findMany({
    where: {
      OR: [
        { sku: { contains: term, mode: "insensitive" } },
        { title: { contains: term, mode: "insensitive" } },
        { product: { name: { contains: term, mode: "insensitive" } } },
      ],
    },
    select: { id: true, sku: true, title: true, product: { select: { name: true } } },
    orderBy: [{ sku: "asc" }],
    take: 50,
  });
  const upper = term.toUpperCase();
  return rows
    .sort((a, b) => Number(!a.sku.startsWith(upper)) - Number(!b.sku.startsWith(upper)))
    .slice(0, take)
    .map((v) => ({ kind: "variant" as const, id: v.id, sku: v.sku, productName: v.product.name, title: v.title, href: `/admin/inventory/${v.id}` }));
}
