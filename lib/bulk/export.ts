import { pgPool } from "@/lib/db";
import { csvRows } from "@/lib/csv";
import { REQUIRED_COLUMNS } from "@/lib/inventory/bulk/format";

const PAGE = 5_000;

type ExportRow = { sku: string; code: string; onHand: number };

/**
 * Current on-hand of every stock level as a bulk CSV (mode "set"), so the
 * file can be edited and uploaded again unchanged. Streams page by page with
 * keyset pagination, so a large catalogue never sits in memory, and every text
 * cell goes through csvRows (formula-injection safe).
 */
export function exportStockCsv(): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let after: { sku: string; code: string } | null = null;
  let started = false;
  // A client that leaves mid-download cancels the stream while a page is being read.
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(csvRows([REQUIRED_COLUMNS])));
      }
      const { rows }: { rows: ExportRow[] } = await pgPool().query<ExportRow>(
        `select v."sku", w."code", l."onHand" from "StockLevel" l
         join "ProductVariant" v on v."id" = l."variantId" join "Warehouse" w on w."id" = l."warehouseId"
         where ($1::text is null or (v."sku", w."code") > ($1, $2))
         order by v."sku", w."code" limit ${PAGE}`,
        [after?.sku ?? null, after?.code ?? null],
      );
      if (cancelled) return;
      if (rows.length) controller.enqueue(encoder.encode(csvRows(rows.map((r) => [r.sku, r.code, r.onHand, "set"]))));
      const last = rows.at(-1);
      if (!last || rows.length < PAGE) return controller.close();
      after = { sku: last.sku, code: last.code };
    },
    cancel() {
      cancelled = true;
    },
  });
}

export function exportFilename(now = new Date()): string {
  return `stock-levels-${now.toISOString().slice(0, 16).replace(/[:T]/g, "-")}.csv`;
}
