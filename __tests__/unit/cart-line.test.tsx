import { beforeEach, describe, expect, it, jest } from "@jest/globals";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import type { CartLineActions } from "@/components/store/cart-line";
import type { CartLineView } from "@/lib/store/cart";

const refresh = jest.fn();
jest.mock("next/navigation", () => ({ useRouter: () => ({ refresh, push: jest.fn() }) }));
jest.mock("sonner", () => ({ toast: { success: jest.fn(), error: jest.fn(), warning: jest.fn() } }));
// In the browser a server action module is only RPC stubs; here the line gets fake actions instead.
jest.mock("@/app/actions/cart", () => ({}));

// Imported after the mocks above are registered.
const { CartLine } = jest.requireActual<typeof import("@/components/store/cart-line")>("@/components/store/cart-line");
const { toast } = jest.requireMock<{ toast: Record<"success" | "error" | "warning", jest.Mock> }>("sonner");

const line = (patch: Partial<CartLineView> = {}): CartLineView => ({
  variantId: "11111111-1111-4111-8111-111111111111", productSlug: "tee", productName: "Organic Tee", variantTitle: "Black / M",
  imageUrl: "/products/tee.svg", unitPriceCents: 2_800, quantity: 2, held: 2,
  expiresAt: new Date(Date.now() + 125_000).toISOString(), status: "held", ...patch,
});

function fakeActions(): CartLineActions & Record<keyof CartLineActions, jest.Mock> {
  const change = { ok: true as const, data: { variantId: "v", quantity: 2, requested: 2, limited: false, expiresAt: null, cartItems: 2, subtotalCents: 5_600 } };
  return {
    setQuantity: jest.fn(async () => change),
    reReserve: jest.fn(async () => change),
    remove: jest.fn(async () => ({ ok: true as const, data: { variantId: "v" } })),
  } as never;
}

beforeEach(() => {
  jest.clearAllMocks();
});

describe("CartLine", () => {
  it("names a default variant by its product alone", () => {
    render(<CartLine line={line({ productName: "Canvas Tote Bag", variantTitle: "Default" })} actions={fakeActions()} />);
    expect(screen.getByTestId("cart-line")).not.toHaveTextContent(/Default/);
    expect(screen.getByLabelText("Quantity of Canvas Tote Bag")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Remove Canvas Tote Bag" })).toBeInTheDocument();
  });

  it("shows the line, its total and the time left on the hold", () => {
    render(<CartLine line={line()} actions={fakeActions()} />);
    expect(screen.getByText("Organic Tee")).toBeInTheDocument();
    expect(screen.getByText("$56.00")).toBeInTheDocument();
    expect(screen.getByTestId("hold-countdown")).toHaveTextContent(/Held for 2:0\d/);
    expect(screen.getByTestId("cart-line")).toHaveAttribute("data-status", "held");
  });

  it("re-reserves the new quantity and reports a refusal, restoring the old value", async () => {
    const actions = fakeActions();
    actions.setQuantity.mockResolvedValueOnce({ ok: false, error: { code: "INSUFFICIENT_STOCK", message: "Only 3 available" } } as never);
    render(<CartLine line={line()} actions={actions} />);
    const input = screen.getByLabelText("Quantity of Organic Tee · Black / M");
    fireEvent.change(input, { target: { value: "5" } });
    fireEvent.blur(input);
    await waitFor(() => expect(actions.setQuantity).toHaveBeenCalledWith({ variantId: line().variantId, quantity: 5 }));
    await waitFor(() => expect(toast.error).toHaveBeenCalledWith("Only 3 available", { id: `cart-line-${line().variantId}` }));
    expect(input).toHaveValue(2);
    expect(refresh).toHaveBeenCalled();
  });

  it("sends one request for one edit, though Enter is followed by a blur", async () => {
    const actions = fakeActions();
    actions.setQuantity.mockResolvedValue({ ok: true, data: { quantity: 4, expiresAt: null, cartItems: 4, subtotalCents: 11_200 } } as never);
    render(<CartLine line={line()} actions={actions} />);
    const input = screen.getByLabelText("Quantity of Organic Tee · Black / M");
    fireEvent.change(input, { target: { value: "4" } });
    fireEvent.keyDown(input, { key: "Enter" });
    fireEvent.blur(input);
    await waitFor(() => expect(toast.success).toHaveBeenCalledWith("Now holding 4", { id: `cart-line-${line().variantId}` }));
    expect(actions.setQuantity).toHaveBeenCalledTimes(1);
  });

  it("shows a changed quantity from the action's answer, announcing the cart's count and subtotal, without re-rendering the page", async () => {
    const actions = fakeActions();
    const expiresAt = new Date(Date.now() + 900_000).toISOString();
    actions.setQuantity.mockResolvedValue({ ok: true, data: { variantId: line().variantId, quantity: 3, requested: 3, limited: false, expiresAt, cartItems: 5, subtotalCents: 14_000 } } as never);
    const announced: Record<string, number> = {};
    const listen = (name: string) => (event: Event) => void (announced[name] = (event as CustomEvent<number>).detail);
    const onCount = listen("count");
    const onSubtotal = listen("subtotal");
    window.addEventListener("stockroom:cart-count", onCount);
    window.addEventListener("stockroom:cart-subtotal", onSubtotal);
    try {
      render(<CartLine line={line()} actions={actions} />);
      const input = screen.getByLabelText("Quantity of Organic Tee · Black / M");
      fireEvent.change(input, { target: { value: "3" } });
      fireEvent.blur(input);
      await waitFor(() => expect(screen.getByText("$84.00")).toBeInTheDocument());
      expect(input).toHaveValue(3);
      expect(screen.getByTestId("hold-countdown")).toHaveTextContent(/Held for 1[45]:\d\d/);
      expect(announced).toEqual({ count: 5, subtotal: 14_000 });
      expect(refresh).not.toHaveBeenCalled();
      // Changing back to the first quantity is a change too.
      fireEvent.change(input, { target: { value: "2" } });
      fireEvent.blur(input);
      await waitFor(() => expect(actions.setQuantity).toHaveBeenCalledTimes(2));
    } finally {
      window.removeEventListener("stockroom:cart-count", onCount);
      window.removeEventListener("stockroom:cart-subtotal", onSubtotal);
    }
  });

  it("flags an expired hold and re-reserves in one click", async () => {
    const actions = fakeActions();
    render(<CartLine line={line({ status: "expired", held: 0, expiresAt: null })} actions={actions} />);
    expect(screen.getByTestId("hold-expired")).toHaveTextContent("Your hold expired");
    expect(screen.getByLabelText("Quantity of Organic Tee · Black / M")).toBeDisabled();
    fireEvent.click(screen.getByRole("button", { name: /Hold again/ }));
    await waitFor(() => expect(actions.reReserve).toHaveBeenCalledWith({ variantId: line().variantId }));
    await waitFor(() => expect(toast.success).toHaveBeenCalledWith("Held again for you", { id: `cart-line-${line().variantId}` }));
  });

  it("turns into an expired line when the countdown runs out", () => {
    jest.useFakeTimers();
    try {
      render(<CartLine line={line({ expiresAt: new Date(Date.now() + 2_000).toISOString() })} actions={fakeActions()} />);
      expect(screen.queryByTestId("hold-expired")).toBeNull();
      // One tick per second, each scheduled after the previous render.
      for (let second = 0; second < 4; second += 1) act(() => void jest.advanceTimersByTime(1_000));
      expect(screen.getByTestId("hold-expired")).toBeInTheDocument();
    } finally {
      jest.useRealTimers();
    }
  });

  it("removes the line with an accessible button", async () => {
    const actions = fakeActions();
    render(<CartLine line={line()} actions={actions} />);
    fireEvent.click(screen.getByRole("button", { name: "Remove Organic Tee · Black / M" }));
    await waitFor(() => expect(actions.remove).toHaveBeenCalledWith({ variantId: line().variantId }));
  });
});
