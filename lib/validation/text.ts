import { z } from "zod";

// The one schema for free text from outside (forms, query strings, JSON):
// trimmed, bounded, and without control characters. PostgreSQL refuses NUL in
// text (a 500 if it gets that far) and the others have no business in names,
// addresses, notes or searches; a newline is allowed only where a multi-line
// answer is meant.
const SINGLE_LINE_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const MULTI_LINE_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/;

export type TextOptions = {
  /** Longest accepted value, after trimming. */
  max: number;
  /** Shortest accepted value (0 = may be empty). */
  min?: number;
  /** Allow line breaks (and tabs), e.g. notes. */
  multiline?: boolean;
  /** Message when shorter than `min`. */
  required?: string;
  /** Message when longer than `max`. */
  tooLong?: string;
};

export function text({ max, min = 0, multiline = false, required, tooLong }: TextOptions) {
  const control = multiline ? MULTI_LINE_CONTROL : SINGLE_LINE_CONTROL;
  return z
    .string()
    .trim()
    .min(min, required ?? (min === 1 ? "is required" : `at least ${min} characters`))
    .max(max, tooLong ?? `at most ${max} characters`)
    .refine((value) => !control.test(value), multiline ? "must not contain control characters" : "must be one line without control characters");
}
