import { bulkRowSchema, rowErrorMessage } from "@/lib/bulk/row-schema";

describe("bulkRowSchema", () => {
  const row = { sku: "A-1", warehouse: "MAIN", quantity: "5", mode: "set", reference: "", notes: "" };
  const message = (patch: Partial<typeof row>) => {
    const parsed = bulkRowSchema.safeParse({ ...row, ...patch });
    return parsed.success ? null : rowErrorMessage(parsed.error);
  };

  it("accepts a good row and turns empty optional cells into null", () => {
    expect(bulkRowSchema.parse(row)).toEqual({ sku: "A-1", warehouse: "MAIN", quantity: 5, mode: "set", reference: null, notes: null });
    expect(bulkRowSchema.parse({ ...row, quantity: "+7" }).quantity).toBe(7);
  });

  it.each([
    [{ quantity: "" }, "quantity is required"],
    [{ quantity: "abc" }, "quantity must be a whole number"],
    [{ quantity: "1e3" }, "quantity must be a whole number"],
    [{ quantity: "-1" }, "quantity cannot be negative (use mode decrement)"],
    [{ quantity: "1000001" }, "quantity must be at most 1,000,000"],
    [{ quantity: "0", mode: "increment" }, "quantity must be at least 1 for increment and decrement"],
    [{ mode: "add" }, "mode must be one of set, increment, decrement"],
    [{ sku: "" }, "sku is required"],
    [{ sku: "x".repeat(101) }, "sku is longer than 100 characters"],
    [{ notes: "n".repeat(1_001) }, "notes is longer than 1000 characters"],
    [{ sku: "", warehouse: "" }, "sku is required; warehouse is required"],
  ])("refuses %j with %j", (patch, expected) => {
    expect(message(patch)).toBe(expected);
  });
});
