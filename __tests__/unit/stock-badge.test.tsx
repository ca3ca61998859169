import { describe, expect, it } from "@jest/globals";
import { render, screen } from "@testing-library/react";
import { StockBadge } from "@/components/store/stock-badge";
import type { VariantAvailability } from "@/lib/store/stock-status";

const base: VariantAvailability = { variantId: "v1", available: 20, orderable: 20, lowStock: false, policy: "DENY", restockDate: null };

describe("StockBadge", () => {
  it.each<[string, Partial<VariantAvailability>, string, string]>([
    ["plenty", {}, "in_stock", "In stock"],
    ["low", { available: 2, orderable: 2, lowStock: true }, "low_stock", "Only 2 left"],
    ["none", { available: 0, orderable: 0, lowStock: true }, "out_of_stock", "Out of stock"],
    ["backorder", { available: 0, orderable: 10, policy: "BACKORDER", restockDate: "2026-12-05T00:00:00.000Z" }, "backorder", "Available for backorder — ships around Dec 5, 2026"],
    ["backorder without a date", { available: 0, orderable: 10, policy: "BACKORDER" }, "backorder", "Available for backorder"],
    ["backorder limit used up", { available: 0, orderable: 0, policy: "BACKORDER" }, "out_of_stock", "Out of stock"],
    ["pre-order", { available: 0, orderable: 50, policy: "PREORDER", restockDate: "2026-12-15T00:00:00.000Z" }, "preorder", "Pre-order — releases Dec 15, 2026"],
    ["pre-order with early stock", { available: 5, orderable: 55, policy: "PREORDER", restockDate: "2026-12-15T00:00:00.000Z" }, "preorder", "Pre-order — releases Dec 15, 2026"],
  ])("shows %s", (_label, patch, status, text) => {
    render(<StockBadge stock={{ ...base, ...patch }} />);
    const badge = screen.getByTestId("stock-badge");
    expect(badge).toHaveAttribute("data-status", status);
    expect(badge).toHaveTextContent(text);
    expect(badge).toHaveAttribute("aria-live", "polite");
  });
});
