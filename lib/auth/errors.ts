export type AuthErrorCode = "UNAUTHENTICATED" | "FORBIDDEN" | "INVALID_CREDENTIALS";

/** Refusal of a request for who is (or is not) asking; safe to show. */
export class AuthError extends Error {
  constructor(
    readonly code: AuthErrorCode,
    message = code === "UNAUTHENTICATED" ? "Please sign in" : code === "FORBIDDEN" ? "You do not have permission to do that" : "Wrong email or password",
  ) {
    super(message);
    this.name = "AuthError";
  }
}
