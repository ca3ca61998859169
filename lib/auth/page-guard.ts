import { forbidden, redirect } from "next/navigation";
import { currentUser } from "./request-context";
import { hasRole, type Role, type SessionUser } from "./roles";

export const SIGN_IN_PATH = "/admin/sign-in";

/**
 * For admin pages: the user, or a redirect to sign-in (anonymous), or a 403
 * with the admin's friendly "not allowed" page (app/admin/forbidden.tsx) when
 * the role is too low — the status says so too, not only the text.
 */
export async function requirePageUser(minimum: Role, currentPath: string): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`${SIGN_IN_PATH}?next=${encodeURIComponent(currentPath)}`);
  if (!hasRole(user, minimum)) forbidden();
  return user;
}
