import { describe, expect, it } from "@jest/globals";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { AvailableBreakdown } from "@/components/admin/available-breakdown";
import { availableBreakdown, rowBreakdown } from "@/lib/admin/available-breakdown";

const row = (patch: Partial<Parameters<typeof rowBreakdown>[0]>) => ({ on_hand: 10, reserved: 0, committed: 0, backordered: 0, unavailable: 0, safety_stock: 0, net: 10, available: 10, ...patch });
const closes = (b: ReturnType<typeof rowBreakdown>) => b.terms.reduce((n, t) => (t.op === "-" ? n - t.value : n + t.value), b.onHand) === b.available;

describe("availableBreakdown", () => {
  it("has nothing to explain when available is on hand", () => {
    expect(rowBreakdown(row({})).terms).toEqual([]);
  });

  it("lists carts and safety stock between on hand and available", () => {
    const b = rowBreakdown(row({ reserved: 3, safety_stock: 2, net: 5, available: 5 }));
    expect(b.terms.map((t) => [t.key, t.op, t.value])).toEqual([["reserved", "-", 3], ["safetyStock", "-", 2]]);
    expect(closes(b)).toBe(true);
  });

  it("counts only the safety stock in effect (it never makes a level negative) and says what is configured", () => {
    const b = rowBreakdown(row({ on_hand: 1, safety_stock: 3, net: 0, available: 0 }));
    expect(b.terms).toEqual([expect.objectContaining({ key: "safetyStock", value: 1, hint: expect.stringContaining("3 configured") })]);
    expect(closes(b)).toBe(true);
  });

  it("shows committed units (naming the backordered part) and the lift to zero when more is promised than is on hand", () => {
    const b = rowBreakdown(row({ on_hand: 2, committed: 6, backordered: 4, net: -4, available: 0 }));
    expect(b.terms.map((t) => [t.key, t.op, t.value])).toEqual([["committed", "-", 6], ["clamp", "+", 4]]);
    expect(b.terms[0]!.hint).toContain("4 of them backordered");
    expect(closes(b)).toBe(true);
  });

  it("deducts unavailable units (returns awaiting inspection, quality control)", () => {
    const b = rowBreakdown(row({ on_hand: 10, reserved: 1, committed: 2, unavailable: 3, net: 4, available: 4 }));
    expect(b.terms.map((t) => [t.key, t.value])).toEqual([["reserved", 1], ["committed", 2], ["unavailable", 3]]);
    expect(closes(b)).toBe(true);
  });

  it("takes further quantity states as extra deductions (e.g. committed, unavailable)", () => {
    const b = availableBreakdown({
      onHand: 20,
      deductions: [{ key: "reserved", label: "In carts", value: 1 }, { key: "committed", label: "Committed", value: 4 }, { key: "unavailable", label: "Unavailable", value: 5 }],
      safetyStock: 2,
      net: 8,
      available: 8,
    });
    expect(b.terms.map((t) => t.key)).toEqual(["reserved", "committed", "unavailable", "safetyStock"]);
    expect(closes(b)).toBe(true);
  });
});

describe("AvailableBreakdown", () => {
  it("is a plain number when there is nothing to explain", () => {
    render(<AvailableBreakdown breakdown={rowBreakdown(row({}))} label="Tee TEE-1" />);
    expect(screen.queryByTestId("available-breakdown")).toBeNull();
    expect(screen.getByText("10")).toBeInTheDocument();
  });

  it("opens an explanation from a keyboard-reachable summary", () => {
    render(<AvailableBreakdown breakdown={rowBreakdown(row({ reserved: 3, safety_stock: 2, net: 5, available: 5 }))} label="Tee TEE-1" />);
    const details = screen.getByTestId("available-breakdown") as HTMLDetailsElement;
    expect(details.open).toBe(false);
    fireEvent.click(within(details).getByText(/why: Tee TEE-1/).closest("summary")!);
    expect(details.open).toBe(true);
    expect(screen.getByTestId("breakdown-reserved")).toHaveTextContent(/In carts.*− 3/);
    expect(screen.getByTestId("breakdown-safetyStock")).toHaveTextContent(/Safety stock.*− 2/);
  });
});
