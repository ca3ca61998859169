import { describe, expect, it } from "@jest/globals";
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
