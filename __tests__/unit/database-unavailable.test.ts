import { describe, expect, it } from "@jest/globals";
import { isDatabaseUnavailable } from "@/lib/http/public-error";

describe("isDatabaseUnavailable", () => {
  it.each([
    ["a refused connection", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })],
    ["an AggregateError with an empty message (several addresses refused)", new AggregateError([Object.assign(new Error(""), { code: "ECONNREFUSED" })], "")],
    ["an error from another realm (a plain object)", { message: "Connection terminated unexpectedly" }],
    ["a client whose connection died mid-transaction", new Error("Client has encountered a connection error and is not queryable")],
    ["an admin shutdown (SQLSTATE 57P01)", Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" })],
    ["a server starting up (57P03)", Object.assign(new Error("the database system is starting up"), { code: "57P03" })],
    ["a connection failure (SQLSTATE 08006)", Object.assign(new Error("x"), { code: "08006" })],
    ["a pool timeout", new Error("timeout exceeded when trying to connect")],
    ["a cause chain", new Error("query failed", { cause: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }) })],
    ["Prisma's can't-reach code", Object.assign(new Error("Can't reach database server"), { code: "P1001" })],
  ])("recognises %s", (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a syntax error", Object.assign(new Error("syntax error at or near \"selec\""), { code: "42601" })],
    ["a check constraint", Object.assign(new Error("violates check constraint"), { code: "23514" })],
    ["a number that merely contains 08006", new Error("order 1080061 not found")],
    ["not an error at all", "ECONNREFUSED"],
    ["null", null],
  ])("does not mistake %s for an outage", (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
