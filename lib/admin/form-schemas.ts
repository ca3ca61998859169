import { z } from "zod";
import { InventoryPolicy } from "@/generated/prisma/enums";
import { idSchema, MAX_STOCK_DELTA, notesSchema, referenceSchema, unavailableReasonSchema } from "@/lib/validation/inventory";

// Inputs of the admin server actions. Forms post strings, so numbers are
// coerced here and blank optional fields become undefined; the domain
// functions validate again with their own schemas (the edge and the core each
// guard themselves). Field names match the domain's, so its errors land on
// the same inputs.

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const requiredText = (message: string) => z.preprocess((v) => blank(v) ?? "", z.string().trim().min(1, message));

const wholeNumber = z.preprocess(
  (v) => blank(v),
  z.coerce.number({ message: "enter a number" }).int("must be a whole number"),
);
const quantity = z.preprocess(blank, z.coerce.number({ message: "enter a quantity" }).int("must be a whole number").min(1, "must be at least 1").max(MAX_STOCK_DELTA, `at most ${MAX_STOCK_DELTA}`));
const count = z.preprocess(blank, z.coerce.number({ message: "enter a number" }).int("must be a whole number").min(0, "cannot be negative").max(MAX_STOCK_DELTA, `at most ${MAX_STOCK_DELTA}`));
const optionalNotes = z.preprocess(blank, notesSchema.optional());
const optionalReference = z.preprocess(blank, referenceSchema.optional());

const target = { variantId: idSchema, warehouseId: z.preprocess(blank, z.uuid({ message: "choose a warehouse" })) };

export const adjustForm = z.object({
  ...target,
  delta: wholeNumber.pipe(z.number().min(-MAX_STOCK_DELTA).max(MAX_STOCK_DELTA).refine((d) => d !== 0, "cannot be zero")),
  notes: requiredText("say why stock is adjusted").pipe(notesSchema),
  reference: optionalReference,
});
export const receiveForm = z.object({ ...target, quantity, reference: requiredText("enter the purchase order number").pipe(referenceSchema), notes: optionalNotes });
export const returnForm = z.object({ ...target, quantity, reference: optionalReference, notes: optionalNotes });
export const setAsideForm = z.object({ ...target, quantity, reason: z.preprocess(blank, unavailableReasonSchema), notes: optionalNotes });
export const releaseSetAsideForm = z.object({
  ...target, quantity, reason: z.preprocess(blank, unavailableReasonSchema),
  disposition: z.preprocess(blank, z.enum(["restock", "write_off"], { message: "choose restock or write off" })), notes: optionalNotes,
});
export const damageForm = z.object({ ...target, quantity, notes: requiredText("say what happened").pipe(notesSchema), reference: optionalReference });
export const transferForm = z.object({
  variantId: idSchema,
  fromWarehouseId: z.preprocess(blank, z.uuid({ message: "choose a warehouse" })),
  toWarehouseId: z.preprocess(blank, z.uuid({ message: "choose a warehouse" })),
  quantity,
  reference: optionalReference,
  notes: optionalNotes,
}).refine((t) => t.fromWarehouseId !== t.toWarehouseId, { message: "choose two different warehouses", path: ["toWarehouseId"] });

const dateOnly = z.preprocess(
  blank,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "use the date picker (YYYY-MM-DD)")
    .transform((s) => new Date(`${s}T00:00:00Z`))
    .refine((d) => !Number.isNaN(d.getTime()), "not a real date")
    .optional(),
);

export const settingsForm = z.object({
  variantId: idSchema,
  policy: z.preprocess(blank, z.enum(InventoryPolicy, { message: "choose a policy" })),
  backorderLimit: count,
  restockDate: dateOnly,
  threshold: count,
});
export const safetyStockForm = z.object({ ...target, safetyStock: count });
export const releaseHoldForm = z.object({ holdId: idSchema, notes: optionalNotes });

export const signInForm = z.object({
  email: z.preprocess((v) => blank(v) ?? "", z.string().trim().min(1, "enter your email").max(200).pipe(z.email("enter a valid email"))),
  password: z.preprocess((v) => (typeof v === "string" && v !== "" ? v : ""), z.string().min(1, "enter your password").max(200)),
  next: z.string().max(500).optional(),
});
