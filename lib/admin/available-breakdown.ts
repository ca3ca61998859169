// Why "available" is not simply on hand − reserved: the terms between them,
// for the admin's breakdown (components/admin/available-breakdown.tsx).
// Pure and extensible: a new quantity state that takes units out of on hand
// (committed, unavailable, …) is one more entry in `deductions`; safety stock
// and the clamp at zero are derived, so the arithmetic always closes.

export type BreakdownTerm = {
  key: string;
  label: string;
  /** Units: subtracted from on hand (op "-"), or added back (op "+"). */
  value: number;
  op: "-" | "+";
  /** One line on what the term means, for the explanation. */
  hint?: string;
};

export type Breakdown = { onHand: number; terms: BreakdownTerm[]; available: number };

export type BreakdownInput = {
  onHand: number;
  /** Quantities taken out of on hand before safety stock, in display order. */
  deductions: { key: string; label: string; value: number; hint?: string }[];
  /** Configured safety stock (summed over levels). */
  safetyStock: number;
  /** Σ per-level available (may be negative). */
  net: number;
  /** The variant's available: max(0, net). */
  available: number;
};

/**
 * Safety stock only holds back units that would otherwise be free (it never
 * makes a level negative), so the part of it in effect is what remains after
 * the deductions minus the net; the clamp at zero is what lifts a negative
 * net (more promised than on hand) to 0.
 */
export function availableBreakdown(input: BreakdownInput): Breakdown {
  const terms: BreakdownTerm[] = input.deductions.filter((d) => d.value !== 0).map((d) => ({ ...d, op: "-" as const }));
  const deducted = input.deductions.reduce((sum, d) => sum + d.value, 0);
  const safetyHeld = input.onHand - deducted - input.net;
  if (safetyHeld !== 0 || input.safetyStock !== 0) {
    terms.push({
      key: "safetyStock",
      label: "Safety stock",
      value: safetyHeld,
      op: "-",
      hint: safetyHeld === input.safetyStock ? "kept back, never sold online" : `${input.safetyStock} configured; it only holds back units that would otherwise be free`,
    });
  }
  const lifted = input.available - input.net;
  if (lifted !== 0) terms.push({ key: "clamp", label: "Not below zero", value: lifted, op: "+", hint: "more is promised than is on hand; available shows 0" });
  return { onHand: input.onHand, terms, available: input.available };
}

/** The breakdown of an inventory row (lib/admin/stock-sql's columns): on hand − in carts − committed − unavailable − safety stock. */
export function rowBreakdown(row: {
  on_hand: number; reserved: number; committed: number; backordered: number; unavailable: number; safety_stock: number; net: number; available: number;
}): Breakdown {
  return availableBreakdown({
    onHand: row.on_hand,
    deductions: [
      { key: "reserved", label: "In carts", value: row.reserved, hint: "live cart holds" },
      {
        key: "committed", label: "Committed", value: row.committed,
        hint: row.backordered ? `placed orders not shipped yet, ${row.backordered} of them backordered (beyond stock)` : "placed orders not shipped yet",
      },
      { key: "unavailable", label: "Unavailable", value: row.unavailable, hint: "returns awaiting inspection, quality control, damaged" },
    ],
    safetyStock: row.safety_stock,
    net: row.net,
    available: row.available,
  });
}
