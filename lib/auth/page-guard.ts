import { redirect } from "next/navigation";
import { currentUser } from "./request-context";
import { hasRole, type Role, type SessionUser } from "./roles";

export const SIGN_IN_PATH = "/admin/sign-in";
export const FORBIDDEN_PATH = "/admin/forbidden";

/** For admin pages: the user, or a redirect to sign-in (anonymous) or the forbidden page (role too low). */
export async function requirePageUser(minimum: Role, currentPath: string): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`${SIGN_IN_PATH}?next=${encodeURIComponent(currentPath)}`);
  if (!hasRole(user, minimum)) redirect(FORBIDDEN_PATH);
  return user;
}
