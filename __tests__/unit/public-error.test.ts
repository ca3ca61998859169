import { describe, expect, it } from "@jest/globals";
import { toActionError } from "@/lib/http/public-error";

// Shapes of what Prisma and pg throw (duck-typed; see public-error.ts).
const prismaError = (code: string, message: string) => Object.assign(new Error(message), { code, name: "PrismaClientKnownRequestError" });

describe("toActionError", () => {
  it("a transaction that could not start in time (pool exhausted) is retryable UNAVAILABLE, not INTERNAL", () => {
    const error = prismaError("P2028", "Transaction API error: Unable to start a transaction in the given time.");
    expect(toActionError(error, "test")).toEqual({ code: "UNAVAILABLE", message: "The store is busy right now. Please try again in a moment." });
  });

  it.each([
    ["Prisma's foreign-key error", prismaError("P2003", "Foreign key constraint violated on the constraint: `StockLevel_warehouseId_fkey`")],
    ["pg's SQLSTATE 23503", Object.assign(new Error('insert or update on table "InventoryMovement" violates foreign key constraint'), { code: "23503" })],
    ["a driver error wrapped as the cause", Object.assign(new Error("query failed"), { cause: { code: "23503", message: "violates foreign key constraint" } })],
  ])("%s (an unknown id in the input) is NOT_FOUND", (_label, error) => {
    expect(toActionError(error, "test").code).toBe("NOT_FOUND");
  });

  it("anything else stays INTERNAL with a generic message", () => {
    expect(toActionError(new TypeError("x is undefined"), "test")).toEqual({ code: "INTERNAL", message: "Something went wrong. Please try again." });
  });
});

describe("toActionError audiences", () => {
  const down = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });

  it("tells shoppers the store is unavailable", () => {
    expect(toActionError(down, "test")).toEqual({ code: "UNAVAILABLE", message: "The store is temporarily unavailable. Please try again in a moment." });
  });

  it("tells staff (bulk page, admin) about the inventory database, never 'the store'", () => {
    const body = toActionError(down, "bulk preview", "staff");
    expect(body.code).toBe("UNAVAILABLE");
    expect(body.message).not.toMatch(/store/i);
    expect(body.message).toMatch(/inventory database/);
    expect(toActionError(new Error("P2028 Unable to start a transaction in the given time"), "bulk apply", "staff").message).not.toMatch(/store/i);
  });
});
