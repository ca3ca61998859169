import { describe, expect, it, jest } from "@jest/globals";
import { fireEvent, render, screen } from "@testing-library/react";
import { VariantPicker } from "@/components/store/variant-picker";
import type { VariantView } from "@/lib/store/product";
import type { VariantAvailability } from "@/lib/store/stock-status";

const variant = (id: string, color: string, size: string): VariantView => ({ id, sku: id, title: `${color} / ${size}`, options: { color, size }, priceCents: 1000, imageUrl: "/p.svg" });
// Olive comes only in M: "Olive / S" is a combination that does not exist.
const variants = [variant("blk-s", "Black", "S"), variant("blk-m", "Black", "M"), variant("olv-m", "Olive", "M")];
const axes = [{ name: "color", values: ["Black", "Olive"] }, { name: "size", values: ["S", "M"] }];
const stock = (id: string, orderable: number): VariantAvailability => ({ variantId: id, available: orderable, orderable, lowStock: false, policy: "DENY", restockDate: null });
const availability = { "blk-s": stock("blk-s", 4), "blk-m": stock("blk-m", 0), "olv-m": stock("olv-m", 9) };

describe("VariantPicker", () => {
  it("renders one labelled radio group per option, with the selection checked", () => {
    render(<VariantPicker axes={axes} variants={variants} selected={variants[0]!} availability={availability} onSelect={() => {}} />);
    expect(screen.getByRole("group", { name: /Colour/ })).toBeInTheDocument();
    expect(screen.getByRole("group", { name: /Size/ })).toBeInTheDocument();
    expect(screen.getByRole("radio", { name: "Black" })).toBeChecked();
    expect(screen.getByRole("radio", { name: "S" })).toBeChecked();
  });

  it("disables a size that does not exist in the selected colour", () => {
    render(<VariantPicker axes={axes} variants={variants} selected={variants[2]!} availability={availability} onSelect={() => {}} />);
    const small = screen.getByRole("radio", { name: /^S/ });
    expect(small).toBeDisabled();
    expect(small).toHaveAccessibleName("S (not available in this combination)");
  });

  it("marks a sold-out variant but keeps it selectable (to see its status and join the waitlist)", () => {
    const onSelect = jest.fn();
    render(<VariantPicker axes={axes} variants={variants} selected={variants[0]!} availability={availability} onSelect={onSelect} />);
    const medium = screen.getByRole("radio", { name: /^M/ });
    expect(medium).toBeEnabled();
    expect(medium).toHaveAccessibleName("M (out of stock)");
    expect(screen.getByTestId("option-size-M")).toHaveAttribute("data-sold-out", "true");
    fireEvent.click(medium);
    expect(onSelect).toHaveBeenCalledWith(variants[1]);
  });

  it("switching colour keeps the size when that combination exists, else picks the colour's first variant", () => {
    const onSelect = jest.fn();
    render(<VariantPicker axes={axes} variants={variants} selected={variants[1]!} availability={availability} onSelect={onSelect} />);
    fireEvent.click(screen.getByRole("radio", { name: "Olive" }));
    expect(onSelect).toHaveBeenLastCalledWith(variants[2]);
  });
});
