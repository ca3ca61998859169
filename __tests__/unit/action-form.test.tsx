import { describe, expect, it } from "@jest/globals";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Toaster } from "sonner";
import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions";

// The App Router is not mounted in jsdom; the form only needs refresh().
const mockRefresh = jest.fn();
jest.mock("next/navigation", () => ({ useRouter: () => ({ refresh: mockRefresh, replace: jest.fn(), push: jest.fn() }) }));

function setup(results: ActionResult<unknown>[]) {
  const calls: Record<string, unknown>[] = [];
  const action = async (data: FormData) => {
    calls.push(Object.fromEntries(data.entries()));
    return results.shift()!;
  };
  render(
    <>
      <ActionForm action={action} label="Receive purchase order" submitLabel="Receive" success="Purchase order received">
        <TextField name="quantity" label="Units received" />
        <TextField name="reference" label="PO number" hint="As printed on the delivery note" />
      </ActionForm>
      <Toaster />
    </>,
  );
  return { calls, user: userEvent.setup() };
}

describe("ActionForm", () => {
  it("shows field errors under their inputs, marks them invalid, focuses the first, and keeps what was typed", async () => {
    const { user, calls } = setup([
      { ok: false, error: { code: "VALIDATION", message: "Invalid input", fieldErrors: { quantity: ["must be a whole number"], reference: ["enter the purchase order number"] } } },
    ]);
    await user.type(screen.getByLabelText("Units received"), "1.5");
    await user.click(screen.getByRole("button", { name: "Receive" }));
    const quantity = await screen.findByLabelText("Units received");
    await waitFor(() => expect(quantity).toHaveAttribute("aria-invalid", "true"));
    expect(quantity).toHaveAccessibleDescription("must be a whole number");
    expect(screen.getByLabelText("PO number")).toHaveAccessibleDescription("As printed on the delivery note enter the purchase order number");
    expect(quantity).toHaveFocus();
    expect(quantity).toHaveValue("1.5");
    expect(calls).toEqual([{ quantity: "1.5", reference: "" }]);
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("shows an error without fields (e.g. a refused role) above the button", async () => {
    const { user } = setup([{ ok: false, error: { code: "FORBIDDEN", message: "You do not have permission to do that" } }]);
    await user.click(screen.getByRole("button", { name: "Receive" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("You do not have permission to do that");
  });

  it("on success: toast, cleared errors and inputs, page refreshed", async () => {
    const { user } = setup([
      { ok: false, error: { code: "VALIDATION", message: "Invalid", fieldErrors: { quantity: ["must be at least 1"] } } },
      { ok: true, data: { onHand: 9 } },
    ]);
    await user.type(screen.getByLabelText("Units received"), "0");
    await user.click(screen.getByRole("button", { name: "Receive" }));
    await screen.findByText("must be at least 1");
    await user.clear(screen.getByLabelText("Units received"));
    await user.type(screen.getByLabelText("Units received"), "5");
    await user.click(screen.getByRole("button", { name: "Receive" }));
    expect(await screen.findByText("Purchase order received")).toBeInTheDocument();
    expect(screen.queryByText("must be at least 1")).toBeNull();
    expect(screen.getByLabelText("Units received")).toHaveValue("");
    expect(mockRefresh).toHaveBeenCalled();
  });

  it("says the server could not be reached when the action throws", async () => {
    render(
      <ActionForm action={async () => Promise.reject(new Error("network"))} label="x" submitLabel="Go" success="ok">
        <TextField name="a" label="A" />
      </ActionForm>,
    );
    await userEvent.setup().click(screen.getByRole("button", { name: "Go" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Could not reach the server");
  });
});
