// Pure, so the upload form (a client component) can use it.
import type { PriorUpload } from "@/lib/inventory/bulk/upload-record";

/**
 * What Apply would meet, decided at preview for the reference typed now:
 * - "applied": this file was applied under this reference; Apply changes nothing.
 * - "reference-taken": another file was applied under this reference; Apply is refused.
 * - "file-applied": this file was applied under another reference; Apply would change stock again.
 */
export type PriorVerdict = { kind: "applied" | "reference-taken" | "file-applied"; upload: PriorUpload } | null;

export function priorVerdict(prior: PriorUpload[], reference: string): PriorVerdict {
  const holder = prior.find((p) => p.reference === reference);
  if (holder) return { kind: holder.sameFile ? "applied" : "reference-taken", upload: holder };
  const sameFile = prior.find((p) => p.sameFile);
  return sameFile ? { kind: "file-applied", upload: sameFile } : null;
}
