import { describe, expect, it } from "@jest/globals";
import { act, render, screen } from "@testing-library/react";
import { announceCartSubtotal, CartSubtotal } from "@/components/store/cart-subtotal";

describe("CartSubtotal", () => {
  it("shows the server's subtotal, then each announced one, until the server renders again", () => {
    const { rerender } = render(<CartSubtotal cents={5_600} />);
    expect(screen.getByTestId("cart-subtotal")).toHaveTextContent("$56.00");
    act(() => announceCartSubtotal(8_400));
    expect(screen.getByTestId("cart-subtotal")).toHaveTextContent("$84.00");
    rerender(<CartSubtotal cents={2_800} />);
    expect(screen.getByTestId("cart-subtotal")).toHaveTextContent("$28.00");
  });
});
