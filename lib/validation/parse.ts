import type { z } from "zod";
import { ValidationError, type FieldErrors } from "@/lib/errors";

/** Validates an input at any edge or domain entry; failures become a typed VALIDATION error with field messages. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path.join(".") || "_";
    (fieldErrors[field] ??= []).push(issue.message);
  }
  const summary = Object.entries(fieldErrors).map(([field, messages]) => `${field}: ${messages.join(", ")}`).join("; ");
  throw new ValidationError(`Invalid input (${summary})`, fieldErrors);
}
