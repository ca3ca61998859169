import { describe, expect, it } from "@jest/globals";
import { cardSchema } from "@/lib/validation/checkout";

const valid = { cardNumber: "4242 4242 4242 4242", cardExpiry: "12/39", cardCvc: "123" };
const expiryErrors = (cardExpiry: string) => cardSchema.safeParse({ ...valid, cardExpiry }).error?.issues.filter((i) => i.path[0] === "cardExpiry").map((i) => i.message);

describe("card expiry", () => {
  it("an empty or malformed expiry says only how to write it", () => {
    expect(expiryErrors("")).toEqual(["Use MM/YY"]);
    expect(expiryErrors("13/30")).toEqual(["Use MM/YY"]);
  });

  it("a well-formed past expiry says it has expired; a future one passes", () => {
    expect(expiryErrors("01/20")).toEqual(["This card has expired"]);
    expect(expiryErrors("12/39")).toBeUndefined();
  });
});
