"use client";

import { canOrder, type VariantAvailability } from "@/lib/store/stock-status";
import type { VariantView } from "@/lib/store/product";
import { variantForChoice } from "@/lib/store/variant-matrix";

type Props = {
  axes: { name: string; values: string[] }[];
  variants: VariantView[];
  selected: VariantView;
  availability: Record<string, VariantAvailability | undefined>;
  onSelect: (variant: VariantView) => void;
};

const AXIS_LABEL: Record<string, string> = { color: "Colour", size: "Size" };

/**
 * One native radio group per option axis (arrow keys, labels and focus for free). A value that exists in no combination with
 * the other current choices is disabled; one whose variant is sold out stays
 * selectable (so the shopper can see when it is back and join the waitlist)
 * but is struck through and announced as out of stock.
 */
export function VariantPicker({ axes, variants, selected, availability, onSelect }: Props) {
  return (
    <div className="space-y-4">
      {axes.map((axis) => (
        <fieldset key={axis.name}>
          <legend className="mb-2 text-sm font-medium text-zinc-800">
            {AXIS_LABEL[axis.name] ?? axis.name}: <span className="font-normal text-zinc-600">{selected.options[axis.name]}</span>
          </legend>
          <div className="flex flex-wrap gap-2">
            {axis.values.map((value) => {
              const { variant, exact } = variantForChoice(variants, selected, axis.name, value);
              const isSelected = selected.options[axis.name] === value;
              const stock = variant ? availability[variant.id] : undefined;
              const soldOut = Boolean(exact && stock && !canOrder(stock));
              const missing = !variant || (axes.length > 1 && !exact && axis.name !== axes[0]!.name);
              return (
                <label
                  key={value}
                  data-testid={`option-${axis.name}-${value}`}
                  data-sold-out={soldOut || undefined}
                  className={[
                    "relative min-w-12 rounded-md px-3 py-2 text-center text-sm ring-1 ring-inset transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-600",
                    isSelected ? "bg-zinc-900 text-white ring-zinc-900" : "bg-white text-zinc-900 ring-zinc-300 hover:ring-zinc-500",
                    soldOut ? "line-through decoration-2 opacity-60" : "",
                    missing ? "cursor-not-allowed opacity-30" : "cursor-pointer",
                  ].join(" ")}
                >
                  <input
                    type="radio"
                    className="sr-only"
                    name={axis.name}
                    value={value}
                    checked={isSelected}
                    disabled={missing}
                    onChange={() => variant && onSelect(variant)}
                  />
                  {value}
                  {soldOut && <span className="sr-only"> (out of stock)</span>}
                  {missing && <span className="sr-only"> (not available in this combination)</span>}
                </label>
              );
            })}
          </div>
        </fieldset>
      ))}
    </div>
  );
}
