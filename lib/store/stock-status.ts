import type { StockInfo } from "@/lib/inventory/availability";

// What a shopper is told about one variant. Pure and serialisable: computed on
// the server, re-computed on every live update, rendered by the client.

export type VariantAvailability = {
  variantId: string;
  available: number;
  orderable: number;
  lowStock: boolean;
  policy: StockInfo["policy"];
  restockDate: string | null;
};

export type StockStatus =
  | { kind: "in_stock" }
  | { kind: "low_stock"; left: number }
  | { kind: "out_of_stock" }
  | { kind: "backorder"; restockDate: string | null }
  | { kind: "preorder"; releaseDate: string | null };

export function toAvailability(variantId: string, info: StockInfo): VariantAvailability {
  return { variantId, available: info.available, orderable: info.orderable, lowStock: info.lowStock, policy: info.policy, restockDate: info.restockDate };
}

export function stockStatus(stock: VariantAvailability): StockStatus {
  // A pre-order variant is not released yet: it is sold as a pre-order even if some units have arrived.
  if (stock.policy === "PREORDER" && stock.orderable > 0) return { kind: "preorder", releaseDate: stock.restockDate };
  if (stock.available > 0) return stock.lowStock ? { kind: "low_stock", left: stock.available } : { kind: "in_stock" };
  if (stock.policy === "BACKORDER" && stock.orderable > 0) return { kind: "backorder", restockDate: stock.restockDate };
  return { kind: "out_of_stock" };
}

/** Whether "Add to cart" can succeed for at least one more unit. */
export function canOrder(stock: VariantAvailability): boolean {
  return stock.orderable > 0;
}

export function formatDate(iso: string | null): string | null {
  if (!iso) return null;
  return new Intl.DateTimeFormat("en", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(iso));
}

export function statusLabel(status: StockStatus): string {
  switch (status.kind) {
    case "in_stock":
      return "In stock";
    case "low_stock":
      return `Only ${status.left} left`;
    case "out_of_stock":
      return "Out of stock";
    case "backorder":
      return status.restockDate ? `Available for backorder — ships around ${formatDate(status.restockDate)}` : "Available for backorder";
    case "preorder":
      return status.releaseDate ? `Pre-order — releases ${formatDate(status.releaseDate)}` : "Pre-order";
  }
}
