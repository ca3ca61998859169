import { describe, expect, it } from "@jest/globals";
import { render, screen } from "@testing-library/react";
import { ProductCard } from "@/components/store/product-card";
import type { ProductCard as Card } from "@/lib/store/catalogue";

const card = (patch: Partial<Card>): Card => ({
  id: "p", slug: "weekly-planner-2027", name: "Weekly Planner 2027", category: "Stationery", priceCents: 2600, imageUrl: "/products/weekly-planner-2027.svg",
  available: 0, orderableBeyondStock: true, inStock: 0, preorder: false, backorder: false, ...patch,
});

describe("ProductCard", () => {
  it.each([
    [{ inStock: 3, available: 3 }, "In stock"],
    [{ preorder: true }, "Pre-order"],
    [{ backorder: true }, "Backorder"],
    [{ orderableBeyondStock: false }, "Out of stock"],
  ] as const)("labels %o as %s", (patch, label) => {
    render(<ProductCard card={card(patch)} />);
    expect(screen.getByTestId("card-status")).toHaveTextContent(new RegExp(`^${label}$`));
  });

  it("prints the name and category once, as text (the image is decorative)", () => {
    render(<ProductCard card={card({ inStock: 1 })} />);
    expect(screen.getAllByText("Weekly Planner 2027")).toHaveLength(1);
    expect(screen.getAllByText("Stationery")).toHaveLength(1);
    expect(screen.getByTestId("product-card").querySelector("img")).toHaveAttribute("alt", "");
  });
});
