import { describe, expect, it } from "@jest/globals";
import { csvField } from "@/lib/admin/csv";
import { safeNextPath } from "@/lib/admin/safe-next-path";

describe("safeNextPath", () => {
  it.each([
    ["/admin/inventory?status=low", "/admin/inventory?status=low"],
    ["/admin", "/admin"],
    ["/admin?x=1", "/admin?x=1"],
    ["/administrator", "/admin"],
    ["//evil.example/admin", "/admin"],
    ["/admin\\..\\evil", "/admin"],
    ["https://evil.example/admin", "/admin"],
    ["/admin/sign-in?next=/admin", "/admin"],
    [undefined, "/admin"],
    [42, "/admin"],
  ])("%p → %p", (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });
});

describe("csvField", () => {
  it.each([
    [null, ""],
    [-3, "-3"],
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["=SUM(A1)", "'=SUM(A1)"],
    ["+1", "'+1"],
    ["-1 box", "'-1 box"],
    ["@cmd", "'@cmd"],
  ])("%p → %p", (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });
});
