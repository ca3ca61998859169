import { beforeEach, describe, expect, it } from "@jest/globals";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

jest.mock("@/app/actions/alerts", () => ({ saveThreshold: jest.fn(), addChannel: jest.fn() }));
jest.mock("sonner", () => ({ toast: { success: jest.fn(), error: jest.fn() } }));

const { ThresholdEditDialog } = jest.requireActual<typeof import("@/components/admin/alerts/threshold-form")>("@/components/admin/alerts/threshold-form");
const { saveThreshold } = jest.requireMock<{ saveThreshold: jest.Mock }>("@/app/actions/alerts");

const VARIANT = "11111111-1111-4111-8111-111111111111";

beforeEach(() => {
  saveThreshold.mockReset();
});

describe("threshold editing in a dialog", () => {
  it("opens from the row's Edit button, saves, closes and gives focus back", async () => {
    saveThreshold.mockResolvedValue({ ok: true, data: { alerted: false } });
    const user = userEvent.setup();
    render(<ThresholdEditDialog variantId={VARIANT} sku="TEE-1" threshold={5} isActive label="Organic Cotton Tee · Black / M (TEE-1)" />);
    const edit = screen.getByRole("button", { name: "Edit threshold of TEE-1" });
    await user.click(edit);
    const dialog = screen.getByRole("dialog", { name: "Alerts for Organic Cotton Tee · Black / M (TEE-1)" });
    const field = screen.getByLabelText("Low-stock threshold for TEE-1");
    expect(field).toHaveValue(5);
    await user.clear(field);
    await user.type(field, "12");
    await user.click(screen.getByLabelText("Send alerts for this variant"));
    await user.click(screen.getByRole("button", { name: "Save threshold" }));
    expect(saveThreshold).toHaveBeenCalledWith({ variantId: VARIANT, threshold: "12", isActive: false });
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    expect(edit).toHaveFocus();
  });

  it("keeps the dialog open with the field's error when the server refuses", async () => {
    saveThreshold.mockResolvedValue({ ok: false, error: { code: "VALIDATION", message: "Invalid input", fieldErrors: { threshold: ["must be 0 or more"] } } });
    const user = userEvent.setup();
    render(<ThresholdEditDialog variantId={VARIANT} sku="TEE-1" threshold={5} isActive label="Tee (TEE-1)" />);
    await user.click(screen.getByRole("button", { name: "Edit threshold of TEE-1" }));
    await user.click(screen.getByRole("button", { name: "Save threshold" }));
    expect(await screen.findByText("must be 0 or more")).toBeInTheDocument();
    expect(screen.getByRole("dialog")).toBeInTheDocument();
    expect(screen.getByLabelText("Low-stock threshold for TEE-1")).toHaveAttribute("aria-invalid", "true");
  });
});
