import { z } from "zod";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { text } from "@/lib/validation/text";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";
import { db, type Prisma } from "@/lib/db";
import { idSchema } from "@/lib/validation/inventory";

export const roleSchema = z.enum(["ADMIN", "OPS"], { message: "Choose ADMIN or OPS" });
const passwordSchema = z.string().min(12, "At least 12 characters").max(200, "At most 200 characters");

export const createUserSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address").max(200)),
  name: text({ min: 1, max: 200, required: "Name is required" }),
  role: roleSchema,
  password: passwordSchema,
});
export const changeRoleSchema = z.object({ userId: idSchema, role: roleSchema });
export const resetPasswordSchema = z.object({ userId: idSchema, password: passwordSchema });
export const deleteUserSchema = z.object({ userId: idSchema });

export type UserRow = { id: string; email: string; name: string; role: Role; createdAt: Date };

/** Every user with how many sessions are signed in now (for "sign out everywhere"). */
export async function listUsers(now = new Date()): Promise<(UserRow & { activeSessions: number })[]> {
  const users = await db.user.findMany({
    orderBy: [{ role: "asc" }, { email: "asc" }],
    select: {
      id: true, email: true, name: true, role: true, createdAt: true,
      _count: { select: { sessions: { where: { revokedAt: null, expiresAt: { gt: now } } } } },
    },
  });
  return users.map(({ _count, ...u }) => ({ ...u, role: u.role as Role, activeSessions: _count.sessions }));
}

export async function createUser(input: z.infer<typeof createUserSchema>): Promise<UserRow> {
  const passwordHash = await hashPassword(input.password);
  const created = await db.user.createMany({ data: [{ email: input.email, name: input.name, role: input.role, passwordHash }], skipDuplicates: true });
  if (!created.count) throw new ConflictError("A user with this email already exists", { email: ["Already in use"] });
  const user = await db.user.findUniqueOrThrow({ where: { email: input.email }, select: { id: true, email: true, name: true, role: true, createdAt: true } });
  return { ...user, role: user.role as Role };
}

/**
 * Runs a change that could leave the store without an administrator. Every
 * ADMIN row is locked first, so two admins demoting (or deleting) each other
 * at the same moment cannot both pass the "another admin remains" check.
 */
async function keepingAnAdmin<T>(userId: string, actorId: string, work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  if (userId === actorId) throw new ConflictError("You cannot remove your own administrator access");
  return db.$transaction(async (tx) => {
    const admins = await tx.$queryRaw<{ id: string }[]>`select "id" from "User" where "role" = 'ADMIN' order by "id" for update`;
    const target = await tx.user.findUnique({ where: { id: userId }, select: { role: true } });
    if (!target) throw new NotFoundError("No such user");
    if (target.role === "ADMIN" && admins.filter((a) => a.id !== userId).length === 0) {
      throw new ConflictError("The store needs at least one administrator");
    }
    return work(tx);
  });
}

export async function changeUserRole(input: z.infer<typeof changeRoleSchema> & { actorId: string }): Promise<void> {
  await keepingAnAdmin(input.userId, input.actorId, (tx) => tx.user.update({ where: { id: input.userId }, data: { role: input.role } }));
}

export async function deleteUser(input: z.infer<typeof deleteUserSchema> & { actorId: string }): Promise<void> {
  await keepingAnAdmin(input.userId, input.actorId, (tx) => tx.user.delete({ where: { id: input.userId } }));
}

export async function resetUserPassword(input: z.infer<typeof resetPasswordSchema>): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  // A new password signs the user out everywhere: whoever knew the old one
  // may hold a session, so every session of the user ends with it.
  await db.$transaction(async (tx) => {
    const updated = await tx.user.updateMany({ where: { id: input.userId }, data: { passwordHash } });
    if (!updated.count) throw new NotFoundError("No such user");
    await tx.adminSession.updateMany({ where: { userId: input.userId, revokedAt: null }, data: { revokedAt: new Date() } });
  });
}
