import { describe, expect, it } from "@jest/globals";
import { render, screen, within } from "@testing-library/react";
import { OnHandChart } from "@/components/admin/on-hand-chart";

const points = [
  { day: "2026-11-18", onHand: 3 },
  { day: "2026-11-19", onHand: 7 },
  { day: "2026-11-20", onHand: 5 },
];

describe("OnHandChart", () => {
  it("is an image with a summary a screen reader can read, and the latest value", () => {
    render(<OnHandChart points={points} label="On-hand units of TEE-M" />);
    const img = screen.getByRole("img", { name: /On-hand units of TEE-M/ });
    expect(img).toHaveAccessibleDescription("On-hand units of TEE-M: 3 on 2026-11-18, 5 on 2026-11-20; lowest 3, highest 7.");
    expect(screen.getByTestId("on-hand-now")).toHaveTextContent("5");
    expect(screen.getByTestId("on-hand-chart")).toHaveAttribute("data-latest", "5");
  });

  it("draws a step line through every point and offers the data as a table", () => {
    const { container } = render(<OnHandChart points={points} label="x" />);
    const d = container.querySelector("path")!.getAttribute("d")!;
    expect(d.match(/ H /g)).toHaveLength(2);
    expect(d.match(/ V /g)).toHaveLength(2);
    const rows = within(screen.getByRole("table")).getAllByRole("row");
    expect(rows.map((r) => r.textContent)).toEqual(["DayOn hand", "2026-11-183", "2026-11-197", "2026-11-205"]);
  });

  it("copes with a single point and with nothing", () => {
    const { container, rerender } = render(<OnHandChart points={[{ day: "2026-11-20", onHand: 0 }]} label="x" />);
    expect(container.querySelector("path")!.getAttribute("d")).not.toContain("NaN");
    rerender(<OnHandChart points={[]} label="x" />);
    expect(container.querySelector("svg")).toBeNull();
  });
});
