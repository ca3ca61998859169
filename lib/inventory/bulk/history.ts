import { z } from "zod";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { MAX_REPORTED_ERRORS, type RowError } from "./format";

const storedErrors = z.array(z.object({ line: z.number(), sku: z.string(), warehouse: z.string(), message: z.string() }));

export type BulkUploadSummary = {
  id: string;
  reference: string;
  filename: string;
  status: "APPLIED" | "FAILED";
  rowCount: number;
  changedRows: number;
  errorCount: number;
  /** True when more errors existed than were kept. */
  errorsCapped: boolean;
  createdBy: string;
  createdAt: Date;
};

function toRowErrors(value: unknown): RowError[] {
  const parsed = storedErrors.safeParse(value);
  return parsed.success ? parsed.data : [];
}

/** Newest uploads first, cursor-paginated by (createdAt, id). */
export async function listBulkUploads(options: { take?: number; before?: { createdAt: Date; id: string } } = {}): Promise<BulkUploadSummary[]> {
  const take = Math.min(options.take ?? 50, 200);
  const rows = await db.bulkUpload.findMany({
    where: options.before
      ? { OR: [{ createdAt: { lt: options.before.createdAt } }, { createdAt: options.before.createdAt, id: { lt: options.before.id } }] }
      : undefined,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, reference: true, filename: true, status: true, rowCount: true, changedRows: true, errors: true, createdBy: true, createdAt: true },
  });
  return rows.map(({ errors, ...row }) => {
    const errorCount = toRowErrors(errors).length;
    return { ...row, errorCount, errorsCapped: errorCount >= MAX_REPORTED_ERRORS };
  });
}

/** An upload's reference and kept row errors (the CSV edge turns them into the error report). */
export async function bulkUploadErrors(id: string): Promise<{ reference: string; errors: RowError[] }> {
  const upload = await db.bulkUpload.findUnique({ where: { id }, select: { reference: true, errors: true } });
  if (!upload) throw new NotFoundError("No such upload");
  return { reference: upload.reference, errors: toRowErrors(upload.errors) };
}
