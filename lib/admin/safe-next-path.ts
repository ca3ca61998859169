/**
 * Where to go after signing in. Only paths inside the admin area are
 * accepted, so a crafted ?next= cannot send a freshly signed-in user to
 * another site ("//evil.example", "/\\evil.example") or back to sign-in.
 */
export function safeNextPath(next: unknown): string {
  if (typeof next !== "string" || next.length > 500) return "/admin";
  if (!/^\/admin(\/|\?|$)/.test(next) || next.includes("\\") || next.startsWith("//")) return "/admin";
  if (next.startsWith("/admin/sign-in")) return "/admin";
  return next;
}
