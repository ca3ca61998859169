import { act, render, screen } from "@testing-library/react";
import { describe, expect, it } from "@jest/globals";
import { CartCount, announceCartCount } from "@/components/store/cart-count";

describe("CartCount", () => {
  it("shows the server's count, follows an announced count, and a newer server render wins again", () => {
    const { rerender } = render(<CartCount count={2} />);
    expect(screen.getByTestId("cart-count")).toHaveTextContent("2");
    act(() => announceCartCount(5));
    expect(screen.getByTestId("cart-count")).toHaveTextContent("5");
    expect(screen.getByTestId("cart-count")).toHaveAttribute("aria-label", "5 items in cart");
    rerender(<CartCount count={3} />);
    expect(screen.getByTestId("cart-count")).toHaveTextContent("3");
  });
});
