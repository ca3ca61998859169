import type { VariantView } from "./product";

// Pure helpers for the variant picker (no React): which variant a choice of
// option values means, and what choosing one more value would lead to.

export function findVariant(variants: VariantView[], selection: Record<string, string>): VariantView | undefined {
  return variants.find((v) => Object.entries(selection).every(([axis, value]) => v.options[axis] === value));
}

/**
 * The variant reached by changing one axis of the current selection. When the
 * exact combination does not exist, the first variant with that value is used
 * (so clicking "Olive" switches colour even if the current size does not come
 * in olive); undefined when no variant has the value at all.
 */
export function variantForChoice(variants: VariantView[], current: VariantView, axis: string, value: string): { variant: VariantView | undefined; exact: boolean } {
  const exact = findVariant(variants, { ...current.options, [axis]: value });
  if (exact) return { variant: exact, exact: true };
  return { variant: variants.find((v) => v.options[axis] === value), exact: false };
}
