import { COLOUR_IMAGES } from "./colour-images";

/**
 * The variant's name as shoppers should read it, or null when it adds nothing:
 * a product without options has one variant titled "Default", which is shown as
 * the product name alone (in toasts, cart, checkout and order).
 */
export function variantLabel(title: string | null | undefined): string | null {
  const trimmed = title?.trim();
  if (!trimmed || trimmed.toLowerCase() === "default") return null;
  return trimmed;
}

/** "Organic Cotton Tee · Black / M", or just "Canvas Tote Bag" for a default variant. */
export function lineName(productName: string, variantTitle: string | null | undefined): string {
  const label = variantLabel(variantTitle);
  return label ? `${productName} · ${label}` : productName;
}

/**
 * The image for one variant: the picture of its colour when the catalogue has
 * one (see scripts/product-images.ts), else the product image.
 */
export function variantImageUrl(productImageUrl: string, options: Record<string, unknown> | null | undefined): string {
  const colour = options && typeof options.color === "string" ? options.color : null;
  return (colour && COLOUR_IMAGES[productImageUrl]?.[colour]) || productImageUrl;
}
