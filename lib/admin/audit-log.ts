import { z } from "zod";
import { db } from "@/lib/db";

export type AuditRow = { id: string; at: Date; actorEmail: string | null; action: string; target: string; changes: Record<string, unknown>; ip: string | null };

/** Filters of the audit page: by area (the part of `action` before the dot). */
export const AUDIT_AREAS = ["auth", "user", "variant", "threshold", "channel", "flash_sale"] as const;

export const auditQuerySchema = z.object({
  area: z.enum(AUDIT_AREAS).optional().catch(undefined),
  before: z.string().regex(/^\d{1,19}$/).optional().catch(undefined),
});

const PAGE = 50;

/** Newest first, keyset-paged by id ("older" = before the last id shown). */
export async function listAuditEvents({ area, before }: z.infer<typeof auditQuerySchema>): Promise<{ rows: AuditRow[]; olderThan: string | null }> {
  const rows = await db.auditEvent.findMany({
    where: { ...(area ? { action: { startsWith: `${area}.` } } : {}), ...(before ? { id: { lt: BigInt(before) } } : {}) },
    orderBy: { id: "desc" },
    take: PAGE + 1,
  });
  const page = rows.slice(0, PAGE).map((r) => ({ ...r, id: r.id.toString(), changes: (r.changes ?? {}) as Record<string, unknown> }));
  return { rows: page, olderThan: rows.length > PAGE ? page.at(-1)!.id : null };
}
