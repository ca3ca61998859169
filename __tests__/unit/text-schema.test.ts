import { describe, expect, it } from "@jest/globals";
import { text } from "@/lib/validation/text";
import { catalogueQuerySchema } from "@/lib/validation/store";

describe("text()", () => {
  const line = text({ min: 1, max: 10 });
  const notes = text({ max: 50, multiline: true });

  it("trims and bounds", () => {
    expect(line.parse("  hello  ")).toBe("hello");
    expect(line.safeParse("   ").success).toBe(false);
    expect(line.safeParse("x".repeat(11)).success).toBe(false);
  });

  it.each(["a\u0000b", "a\u0007", "a\u001bb", "a\u007f", "a\u0085b", "a\u2028b", "a\nb", "a\tb"])("refuses %j on one line", (value) => {
    expect(line.safeParse(value).error?.issues[0]?.message).toBe("must be one line without control characters");
  });

  it("allows line breaks and tabs only where several lines are meant, never NUL", () => {
    expect(notes.parse("first\r\nsecond\tthird")).toBe("first\r\nsecond\tthird");
    expect(notes.safeParse("a\u0000b").error?.issues[0]?.message).toBe("must not contain control characters");
  });

  it("a catalogue search or category with NUL is ignored, not an error", () => {
    expect(catalogueQuerySchema.parse({ q: "\u0000", category: "a\u0000" })).toMatchObject({ q: "", category: "" });
  });
});
