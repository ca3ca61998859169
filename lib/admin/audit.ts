import { db, type Prisma } from "@/lib/db";
import { logger } from "@/lib/logger";

// The admin audit trail: changes that are not stock movements (those are in
// the ledger). Each event says who, when, what, and every changed field from
// → to. Rows are only inserted; a database trigger refuses UPDATE and DELETE.

export type Changes = Record<string, { from: unknown; to: unknown }>;
type Snapshot = Record<string, unknown> | null;

export type AuditEntry = {
  actorEmail: string | null;
  /** What happened, as `<area>.<verb>`: `variant.settings`, `user.role`, `auth.sign_in`, … */
  action: string;
  /** What it happened to, as people name it: a SKU, an email, a channel name. */
  target: string;
  changes?: Changes | Record<string, unknown>;
  ip?: string | null;
};

const plain = (value: unknown): unknown => (value instanceof Date ? value.toISOString() : value ?? null);

/** The fields whose value differs between two snapshots (a null snapshot: created or deleted). */
export function diffSnapshots(before: Snapshot, after: Snapshot): Changes {
  const changes: Changes = {};
  for (const field of new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])) {
    const from = plain(before?.[field]);
    const to = plain(after?.[field]);
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { from, to };
  }
  return changes;
}

export async function recordAudit(entry: AuditEntry, tx?: Prisma.TransactionClient): Promise<void> {
  await (tx ?? db).auditEvent.create({
    data: { actorEmail: entry.actorEmail, action: entry.action, target: entry.target, changes: (entry.changes ?? {}) as Prisma.InputJsonValue, ip: entry.ip ?? null },
  });
}

/**
 * Runs a change and records what it changed: `read` before and after (the
 * same snapshot of the fields that matter), and only the differing fields are
 * kept; a change that changed nothing records nothing. The change itself is
 * never undone because its audit row failed to write: that is logged loudly.
 */
export async function audited<T>(
  entry: Omit<AuditEntry, "changes">,
  read: () => Promise<Snapshot>,
  change: () => Promise<T>,
): Promise<T> {
  const before = await read();
  const result = await change();
  const changes = diffSnapshots(before, await read());
  if (Object.keys(changes).length) {
    await recordAudit({ ...entry, changes }).catch((error: unknown) => logger.error("audit event not recorded", { action: entry.action, target: entry.target, error: String(error) }));
  }
  return result;
}
