import { ADMIN_COOKIE, userFromSessionToken } from "@/lib/auth/admin-session";
import { AuthError } from "@/lib/errors";
import { hasRole, type Role, type SessionUser } from "@/lib/auth/roles";

function cookieFromHeader(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/**
 * The guard of every /api/admin route: the signed session cookie (role read
 * from the database, as for pages), read from the Request itself, so a handler can be called — and its refusal proven —
 * with any Request, not only inside Next's request scope.
 */
export async function requireRequestUser(request: Request, minimum: Role): Promise<SessionUser> {
  const user = await userFromSessionToken(cookieFromHeader(request.headers.get("cookie"), ADMIN_COOKIE));
  if (!user) throw new AuthError("UNAUTHENTICATED");
  if (!hasRole(user, minimum)) throw new AuthError("FORBIDDEN");
  return user;
}
