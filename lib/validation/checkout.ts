import { z } from "zod";
import { text } from "./text";
import { idSchema } from "./inventory";

const required = (label: string, max = 200) => text({ min: 1, max, required: `${label} is required`, tooLong: `${label} is too long` });

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

export const cardSchema = z.object({
  cardNumber: z
    .string()
    .transform((s) => s.replace(/[\s-]/g, ""))
    .pipe(z.string().regex(/^\d{12,19}$/, "Enter a card number of 12–19 digits").refine(luhnValid, "This card number is not valid")),
  cardExpiry: z
    .string()
    .trim()
    // abort: an expiry that is not MM/YY is not checked for being in the past too.
    .regex(/^(0[1-9]|1[0-2])\s*\/\s*(\d{2})$/, { message: "Use MM/YY", abort: true })
    .refine((value) => {
      const [month, year] = value.split("/").map((part) => Number(part.trim()));
      const endOfMonth = Date.UTC(2000 + year!, month!, 1);
      return endOfMonth > Date.now();
    }, "This card has expired"),
  cardCvc: z.string().trim().regex(/^\d{3,4}$/, "3 or 4 digits"),
});

export const checkoutSchema = z
  .object({
    /** Idempotency key issued with the checkout form: a double submit places one order. */
    orderId: idSchema,
    email: z.email("Enter a valid email address").max(200),
    name: required("Name"),
    address1: required("Address"),
    address2: text({ max: 200, tooLong: "Address is too long" }).optional().default(""),
    city: required("City", 100),
    postalCode: z.string().trim().regex(/^[A-Za-z0-9 -]{3,10}$/, "Enter a valid postal code"),
    country: z.string().trim().regex(/^[A-Za-z]{2}$/, "Choose a country").transform((c) => c.toUpperCase()),
  })
  .extend(cardSchema.shape);

export type CheckoutInput = z.infer<typeof checkoutSchema>;
