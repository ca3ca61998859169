import { beforeEach, describe, expect, it, jest as jestApi } from "@jest/globals";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { toast } from "sonner";
import { addToCartAction } from "@/app/actions/cart";
import { ProductDetail } from "@/components/store/product-detail";
import type { VariantView } from "@/lib/store/product";
import type { VariantAvailability } from "@/lib/store/stock-status";

// Global `jest.mock` so the transform hoists it above the imports: the real server actions pull in the database layer.
jest.mock("@/app/actions/cart", () => ({ addToCartAction: jest.fn() }));
jest.mock("@/app/actions/waitlist", () => ({ joinWaitlist: jest.fn() }));
jest.mock("sonner", () => ({ toast: { success: jest.fn(), error: jest.fn(), warning: jest.fn() } }));
// No EventSource in jsdom: the live stock is the initial stock.
jest.mock("@/components/store/use-live-stock", () => ({
  useLiveStock: (_id: string, initial: { variantId: string }[]) => ({ stock: Object.fromEntries(initial.map((v) => [v.variantId, v])), state: "live" }),
}));

const add = addToCartAction as unknown as jestApi.Mock<typeof addToCartAction>;
const stock = (variantId: string, orderable: number): VariantAvailability => ({ variantId, available: orderable, orderable, lowStock: false, policy: "DENY", restockDate: null });
const tee = (id: string, color: string): VariantView => ({
  id, sku: `TEE-${id}`, title: `${color} / M`, options: { color, size: "M" }, priceCents: 2800,
  imageUrl: `/products/organic-cotton-tee/${color.toLowerCase()}.svg`,
});
const teeVariants = [tee("blk", "Black"), tee("wht", "White"), tee("olv", "Olive")];
const teeAxes = [{ name: "color", values: ["Black", "White", "Olive"] }, { name: "size", values: ["M"] }];

function renderTee(initialVariantId = "blk", stocks = teeVariants.map((v) => stock(v.id, 5))) {
  return render(
    <ProductDetail name="Organic Cotton Tee" imageUrl="/products/organic-cotton-tee.svg" header={<h1>Organic Cotton Tee</h1>}
      productId="p1" axes={teeAxes} variants={teeVariants} initialVariantId={initialVariantId} initialStock={stocks} holdMinutes={15} />,
  );
}

beforeEach(() => {
  jestApi.clearAllMocks();
});

describe("ProductDetail", () => {
  it("shows the image of the chosen colour and follows the colour picker", async () => {
    renderTee();
    const image = () => screen.getByRole("img", { name: /Organic Cotton Tee/ });
    expect(image().getAttribute("src")).toBe("/products/organic-cotton-tee/black.svg");
    await userEvent.click(screen.getByRole("radio", { name: "White" }));
    expect(image().getAttribute("src")).toBe("/products/organic-cotton-tee/white.svg");
    expect(image()).toHaveAccessibleName("Organic Cotton Tee, White");
    await userEvent.click(screen.getByRole("radio", { name: "Olive" }));
    expect(image().getAttribute("src")).toBe("/products/organic-cotton-tee/olive.svg");
  });

  it("opens on the image of the variant in the address", () => {
    renderTee("wht");
    expect(screen.getByRole("img", { name: /Organic Cotton Tee/ }).getAttribute("src")).toBe("/products/organic-cotton-tee/white.svg");
  });

  it("names a default variant by the product alone in the add-to-cart toast", async () => {
    const bag: VariantView = { id: "bag", sku: "BAG", title: "Default", options: {}, priceCents: 2400, imageUrl: "/products/canvas-tote-bag.svg" };
    add.mockResolvedValue({ ok: true, data: { quantity: 1, limited: false, cartItems: 1 } } as Awaited<ReturnType<typeof addToCartAction>>);
    render(<ProductDetail name="Canvas Tote Bag" imageUrl={bag.imageUrl} header={<h1>Canvas Tote Bag</h1>} productId="p2" axes={[]} variants={[bag]}
      initialVariantId="bag" initialStock={[stock("bag", 3)]} holdMinutes={15} />);
    await userEvent.click(screen.getByTestId("add-to-cart"));
    const success = toast.success as unknown as jestApi.Mock;
    expect(success).toHaveBeenCalledTimes(1);
    const [, options] = success.mock.calls[0] as [string, { description: string }];
    expect(options.description).not.toMatch(/Default/);
    expect(options.description).toMatch(/Canvas Tote Bag/);
  });

  it("does not promise a cart hold under a sold-out variant's waitlist form", () => {
    renderTee("blk", [stock("blk", 0), stock("wht", 5), stock("olv", 5)]);
    const purchase = screen.getByTestId("purchase");
    expect(within(purchase).getByRole("button", { name: "Sold out" })).toBeDisabled();
    expect(within(purchase).getByLabelText(/email me when it's back/i)).toBeInTheDocument();
    expect(purchase).not.toHaveTextContent(/Adding to cart holds/);
  });

  it("tells an orderable variant that adding to cart holds it", () => {
    renderTee();
    expect(screen.getByTestId("purchase")).toHaveTextContent("Adding to cart holds the item for you for 15 minutes.");
  });
});
