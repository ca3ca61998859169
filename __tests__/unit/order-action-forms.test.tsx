import { describe, expect, it } from "@jest/globals";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Toaster } from "sonner";
import type { ActionResult } from "@/lib/actions";

// The server actions are stood in for (jsdom cannot reach the database): each
// records the FormData the form posted and answers with the next result.
const mockResults: ActionResult<unknown>[] = [];
const mockCalls: Record<string, unknown>[] = [];
async function mockAction(data: FormData) {
  mockCalls.push(Object.fromEntries(data.entries()));
  return mockResults.shift()!;
}
jest.mock("@/app/actions/orders", () => {
  const action = (data: FormData) => mockAction(data);
  return { fulfilOrderAction: action, cancelOrderAction: action, receiveReturnAction: action, disposeReturnAction: action };
});
jest.mock("next/navigation", () => ({ useRouter: () => ({ refresh: jest.fn(), replace: jest.fn(), push: jest.fn() }) }));

import { CancelForm, FulfilForm, type ActionLine } from "@/components/admin/orders/order-action-forms";

const ORDER = "11111111-1111-4111-8111-111111111111";
const EVENT = "22222222-2222-4222-8222-222222222222";
const lines: ActionLine[] = [
  { id: "33333333-3333-4333-8333-333333333333", label: "MUG @ MAIN", warehouseId: "w1", warehouseCode: "MAIN", committed: 2, backordered: 0, open: 2, returnable: 0, awaitingInspection: 0 },
  { id: "44444444-4444-4444-8444-444444444444", label: "CAP @ EAST", warehouseId: "w2", warehouseCode: "EAST", committed: 0, backordered: 1, open: 1, returnable: 0, awaitingInspection: 0 },
];

beforeEach(() => {
  mockCalls.length = 0;
  mockResults.length = 0;
});

describe("order action forms", () => {
  it("fulfil: everything by default; chosen quantities post one qty:<line> field per line, with the form's eventId", async () => {
    const user = userEvent.setup();
    render(<><FulfilForm orderId={ORDER} eventId={EVENT} lines={lines} /><Toaster /></>);
    expect(screen.queryByLabelText(/MUG @ MAIN/)).toBeNull();
    await user.click(screen.getByLabelText("Chosen lines and quantities"));
    await user.type(screen.getByLabelText("MUG @ MAIN (up to 2)"), "1");
    await user.type(screen.getByLabelText("Tracking number (optional)"), "1Z");
    mockResults.push({ ok: true, data: { alreadyApplied: false } });
    await user.click(screen.getByRole("button", { name: "Fulfil" }));
    await waitFor(() => expect(mockCalls).toHaveLength(1));
    expect(mockCalls[0]).toEqual({
      orderId: ORDER, eventId: EVENT, scope: "chosen", [`qty:${lines[0]!.id}`]: "1", [`qty:${lines[1]!.id}`]: "", warehouseId: "", trackingNumber: "1Z",
    });
    expect(await screen.findByText("Fulfilment recorded")).toBeInTheDocument();
  });

  it("fulfil: a typed refusal is shown on the form, not thrown", async () => {
    const user = userEvent.setup();
    render(<FulfilForm orderId={ORDER} eventId={EVENT} lines={lines} />);
    mockResults.push({ ok: false, error: { code: "ORDER_STATE", message: "CAP cannot ship now (1 backordered)" } });
    await user.click(screen.getByRole("button", { name: "Fulfil" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("CAP cannot ship now (1 backordered)");
    expect(mockCalls[0]).toMatchObject({ scope: "all" });
  });

  it("cancel asks first and posts only after confirming", async () => {
    const user = userEvent.setup();
    render(<CancelForm orderId={ORDER} eventId={EVENT} lines={lines} />);
    await user.click(screen.getByRole("button", { name: "Cancel units" }));
    const dialog = await screen.findByRole("alertdialog");
    expect(dialog).toHaveTextContent("Cancel everything not shipped?");
    expect(mockCalls).toHaveLength(0);
    mockResults.push({ ok: true, data: {} });
    await user.click(screen.getAllByRole("button", { name: "Cancel units" }).at(-1)!);
    await waitFor(() => expect(mockCalls).toEqual([{ orderId: ORDER, eventId: EVENT, scope: "all", note: "" }]));
  });
});
