import { render, screen, within } from "@testing-library/react";
import { ChangesTable, ErrorsTable, Totals } from "@/components/admin/bulk/result-tables";
import { UploadProgressBar } from "@/components/admin/bulk/upload-progress";

describe("bulk preview tables", () => {
  it("shows totals with labels", () => {
    render(<Totals totals={{ rows: 1200, validRows: 1198, errorRows: 2, changedRows: 900, unchangedRows: 298, unitsAdded: 50, unitsRemoved: 7 }} />);
    const totals = screen.getByTestId("bulk-totals");
    expect(within(totals).getByText("Rows").nextSibling).toHaveTextContent("1,200");
    expect(within(totals).getByText("With errors").nextSibling).toHaveTextContent("2");
  });

  it("lists errors with their line numbers and says when more exist than are shown", () => {
    const errors = Array.from({ length: 120 }, (_, i) => ({ line: i + 2, sku: `S${i}`, warehouse: "MAIN", message: "unknown sku" }));
    render(<ErrorsTable errors={errors} total={130} />);
    expect(screen.getByRole("heading", { name: "130 rows need fixing" })).toBeInTheDocument();
    const rows = within(screen.getByTestId("bulk-errors")).getAllByRole("row");
    expect(rows).toHaveLength(101);
    expect(within(rows[1]!).getAllByRole("cell").map((c) => c.textContent)).toEqual(["2", "S0", "MAIN", "unknown sku"]);
    expect(screen.getByText(/Showing the first 100; the error report has 120/)).toBeInTheDocument();
  });

  it("shows current → new on-hand with a signed change", () => {
    render(<ChangesTable changes={[{ line: 2, sku: "A", warehouse: "MAIN", mode: "decrement", quantity: 3, onHand: 10, newOnHand: 7 }]} total={1} />);
    const cells = within(screen.getByTestId("bulk-changes")).getAllByRole("cell").map((c) => c.textContent);
    expect(cells).toEqual(["2", "A", "MAIN", "decrement 3", "10", "7", "-3"]);
  });

  it("renders nothing without errors or changes", () => {
    const { container } = render(<><ErrorsTable errors={[]} total={0} /><ChangesTable changes={[]} total={0} /></>);
    expect(container).toBeEmptyDOMElement();
  });

  it("announces upload and server phases", () => {
    const { rerender } = render(<UploadProgressBar progress={{ phase: "uploading", loaded: 50, total: 200 }} />);
    expect(screen.getByText("Uploading… 25%")).toBeInTheDocument();
    rerender(<UploadProgressBar progress={{ phase: "parsing", rows: 40_000 }} />);
    expect(screen.getByText("Reading rows… 40,000")).toBeInTheDocument();
    rerender(<UploadProgressBar progress={{ phase: "applying" }} />);
    expect(screen.getByRole("progressbar", { name: "Applying changes…" })).toBeInTheDocument();
  });
});
