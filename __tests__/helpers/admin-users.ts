import type { ActionContext } from "@/lib/actions";
import { ADMIN_COOKIE, createAdminSession } from "@/lib/auth/admin-session";
import { hashPassword } from "@/lib/auth/password";
import type { SessionUser } from "@/lib/auth/roles";
import { db } from "@/lib/db";

export const PASSWORDS = { ADMIN: "admin-password", OPS: "ops-password" } as const;

let hashes: Promise<[string, string]> | null = null;

/** One ADMIN and one OPS user with real bcrypt hashes (so sign-in is tested for real; hashed once per file, bcrypt is slow on purpose). */
export async function createStaff(): Promise<{ admin: SessionUser; ops: SessionUser }> {
  hashes ??= Promise.all([hashPassword(PASSWORDS.ADMIN), hashPassword(PASSWORDS.OPS)]);
  const [adminHash, opsHash] = await hashes;
  const select = { id: true, email: true, name: true, role: true } as const;
  const admin = await db.user.create({ data: { email: "admin@stockroom.test", name: "Avery Admin", role: "ADMIN", passwordHash: adminHash }, select });
  const ops = await db.user.create({ data: { email: "ops@stockroom.test", name: "Olli Ops", role: "OPS", passwordHash: opsHash }, select });
  for (const user of [admin, ops]) sessionTokens.set(user.id, await createAdminSession({ userId: user.id }));
  return { admin, ops };
}

// A real server-side session per staff user (createStaff), for requests that carry the cookie.
const sessionTokens = new Map<string, string>();

/** The session cookie value createStaff issued for `user`. */
export function sessionTokenOf(user: SessionUser): string {
  const token = sessionTokens.get(user.id);
  if (!token) throw new Error(`no session for ${user.email}: create the user with createStaff`);
  return token;
}

/** The action context of a caller: a signed-in user, or anonymous (null). */
export function contextFor(user: SessionUser | null): ActionContext {
  return { user: async () => user, cartSessionId: async () => null, revalidatePath: () => {} };
}

/** A Request carrying the real signed session cookie of `user` (or none). */
export function requestAs(user: SessionUser | null, url: string, init: RequestInit = {}): Request {
  const headers = new Headers(init.headers);
  if (user) headers.set("cookie", `theme=light; ${ADMIN_COOKIE}=${sessionTokenOf(user)}`);
  return new Request(new URL(url, "http://localhost"), { ...init, headers });
}
