export type Role = "ADMIN" | "OPS";

export type SessionUser = { id: string; email: string; name: string; role: Role };

// ADMIN can do everything OPS can; OPS can upload and adjust stock, but not
// manage thresholds, policies, channels or users.
const RANK: Record<Role, number> = { OPS: 1, ADMIN: 2 };

export function hasRole(user: Pick<SessionUser, "role"> | null | undefined, minimum: Role): boolean {
  return user != null && RANK[user.role] >= RANK[minimum];
}
