import { db } from "@/lib/db";
import { getProductSnapshot, summarize } from "@/lib/inventory/stock-info";
import { variantImageUrl } from "./variant-display";
import { toAvailability, type VariantAvailability } from "./stock-status";

export type VariantView = {
  id: string;
  sku: string;
  title: string;
  options: Record<string, string>;
  priceCents: number;
  /** The picture of this variant (its colour's, when the catalogue has one). */
  imageUrl: string;
};

export type ProductView = {
  id: string;
  slug: string;
  name: string;
  description: string;
  category: string;
  imageUrl: string;
  variants: VariantView[];
  /** Option names in display order, e.g. ["color", "size"], with their values in variant order. */
  optionAxes: { name: string; values: string[] }[];
};

function optionsOf(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string"));
}

const AXIS_ORDER = ["color", "size"];

export async function getProductBySlug(slug: string): Promise<ProductView | null> {
  const product = await db.product.findUnique({
    where: { slug },
    select: {
      id: true, slug: true, name: true, description: true, category: true, imageUrl: true, priceCents: true,
      variants: { select: { id: true, sku: true, title: true, options: true, priceCents: true }, orderBy: [{ position: "asc" }, { id: "asc" }] },
    },
  });
  if (!product) return null;
  const variants = product.variants.map((v) => ({ id: v.id, sku: v.sku, title: v.title, options: optionsOf(v.options), priceCents: v.priceCents ?? product.priceCents, imageUrl: variantImageUrl(product.imageUrl, optionsOf(v.options)) }));
  const axes = new Map<string, string[]>();
  for (const variant of variants) {
    for (const [name, value] of Object.entries(variant.options)) {
      const values = axes.get(name) ?? [];
      if (!values.includes(value)) values.push(value);
      axes.set(name, values);
    }
  }
  const optionAxes = [...axes.entries()]
    .map(([name, values]) => ({ name, values }))
    .sort((a, b) => (AXIS_ORDER.indexOf(a.name) + 1 || 99) - (AXIS_ORDER.indexOf(b.name) + 1 || 99));
  const { priceCents: _price, variants: _variants, ...rest } = product;
  return { ...rest, variants, optionAxes };
}

/** Live availability of every variant of a product (read through the stock cache). */
export async function getProductAvailability(productId: string): Promise<VariantAvailability[]> {
  const snapshot = await getProductSnapshot(productId);
  if (!snapshot) return [];
  return snapshot.variants.map((variant) => toAvailability(variant.variantId, summarize([variant])));
}
