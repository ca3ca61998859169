import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { csvRows } from "@/lib/csv";
import { iterateMovements, type MovementFilter, type MovementRow } from "./movements";

const HEADER = ["id", "created_at", "sku", "product", "warehouse", "type", "quantity", "reserved_delta", "reference", "notes", "created_by"];

function movementCsvRows(rows: MovementRow[]): string {
  return csvRows(rows.map((m) => [
    m.id, m.createdAt.toISOString(), m.sku, m.productName, m.warehouseCode,
    m.type, m.quantity, m.reservedDelta, m.reference, m.notes, m.createdBy,
  ]));
}

/**
 * The export as a pull-based stream: the next batch is read only when the
 * client has taken the previous one. The first batch is read before the
 * response starts, so a database outage still becomes a 503, not a cut file.
 */
export async function movementsCsv(filter: MovementFilter): Promise<ReadableStream<Uint8Array>> {
  const encoder = new TextEncoder();
  const batches = iterateMovements(filter);
  const first = await batches.next();
  let pending: MovementRow[] | null = first.done ? null : first.value;
  let finished = Boolean(first.done);
  // The client may leave while a batch is being read; the stream is then
  // cancelled and writing the batch would fail: that is not an error.
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvRows([HEADER])));
    },
    async pull(controller) {
      try {
        if (pending) {
          controller.enqueue(encoder.encode(movementCsvRows(pending)));
          pending = null;
          return;
        }
        if (finished) return controller.close();
        const next = await batches.next();
        if (cancelled) return;
        if (next.done) {
          finished = true;
          return controller.close();
        }
        controller.enqueue(encoder.encode(movementCsvRows(next.value)));
      } catch (error) {
        if (cancelled) return;
        logger.error("movement export failed mid-stream", { error: String(error) });
        controller.error(error);
      }
    },
    async cancel() {
      cancelled = true;
      await batches.return(undefined);
    },
  });
}

export async function csvFilename(filter: MovementFilter): Promise<string> {
  const day = new Date().toISOString().slice(0, 10);
  const variant = filter.variantId ? await db.productVariant.findUnique({ where: { id: filter.variantId }, select: { sku: true } }) : null;
  const scope = (variant?.sku ?? "all").replace(/[^A-Za-z0-9_-]/g, "_");
  return `movements-${scope}${filter.type ? `-${filter.type.toLowerCase()}` : ""}-${day}.csv`;
}
