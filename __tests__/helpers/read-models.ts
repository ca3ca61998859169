import { getDashboardTiles, getLowStockList } from "@/lib/admin/dashboard";
import { listInventory, parseInventoryQuery } from "@/lib/admin/inventory-table";
import { getVariantDetail } from "@/lib/admin/variant-detail";
import { listThresholds } from "@/lib/alerts/thresholds";
import { eventBus, type StockEvent } from "@/lib/events";
import { afterStockChange, getStockInfo, type StockInfo } from "@/lib/inventory";
import { checkLowStockAfterBulkImport } from "@/lib/inventory/bulk/apply";
import { previewBulkImport } from "@/lib/inventory/bulk/preview";
import { listCatalogue } from "@/lib/store/catalogue";
import { getProductAvailability } from "@/lib/store/product";

// Every place that shows or checks a variant's stock, read side by side so a
// test can hold each of them against getStockInfo (the reference).

type Variant = { productId: string; variantId: string; sku: string };
type Warehouse = { id: string; code: string };

/** The `stock.changed` event afterStockChange publishes for this variant (what SSE streams relay). */
export async function publishedAvailable(variantId: string): Promise<number> {
  let seen: StockEvent | undefined;
  const off = eventBus().subscribe((event) => {
    if (event.variantId === variantId) seen = event;
  });
  try {
    // The Redis subscription may still be connecting on the first publish: publish until one arrives.
    for (let attempt = 0; attempt < 50 && !seen; attempt += 1) {
      await afterStockChange([variantId]);
      for (let wait = 0; wait < 10 && !seen; wait += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    off();
  }
  if (!seen) throw new Error("no stock.changed event arrived");
  return seen.available;
}

/** Variant-wide figures of every read model (a database holding this one variant). */
export async function variantReads(v: Variant) {
  const [page, catalogue, tiles, lowList, table, detail, thresholds, bulkLow] = await Promise.all([
    getProductAvailability(v.productId),
    listCatalogue({ q: "", category: "", inStock: false, page: 1 }),
    getDashboardTiles(),
    getLowStockList(50),
    listInventory(parseInventoryQuery({})),
    getVariantDetail(v.variantId),
    listThresholds(),
    checkLowStockAfterBulkImport([v.variantId]),
  ]);
  const row = table.rows.find((r) => r.id === v.variantId);
  const thresholdRow = thresholds.rows.find((r) => r.variantId === v.variantId);
  return {
    productPage: page.find((a) => a.variantId === v.variantId)?.available,
    catalogue: catalogue.products.find((p) => p.id === v.productId)?.available,
    event: await publishedAvailable(v.variantId),
    tiles: { reservedNow: tiles.reservedNow, unitsOnHand: tiles.unitsOnHand, lowStock: tiles.lowStock, outOfStock: tiles.outOfStock },
    lowList: lowList.items.find((i) => i.id === v.variantId)?.available ?? "not listed",
    table: row && { available: row.available, reserved: row.reserved, onHand: row.on_hand, threshold: row.threshold, status: row.status },
    detailThreshold: detail && (detail.threshold ?? detail.defaultThreshold),
    thresholds: thresholdRow && { available: thresholdRow.available, threshold: thresholdRow.threshold, low: thresholdRow.low },
    bulkLowStock: bulkLow.find((h) => h.variantId === v.variantId)?.available ?? "not listed",
  };
}

/** What each variant-wide read model should say, derived from getStockInfo. */
export function expectedVariantReads(info: StockInfo) {
  const status = info.outOfStock ? "out" : info.lowStock ? "low" : "ok";
  return {
    productPage: info.available,
    catalogue: info.available,
    event: info.available,
    tiles: { reservedNow: info.reserved, unitsOnHand: info.onHand, lowStock: status === "low" ? 1 : 0, outOfStock: status === "out" ? 1 : 0 },
    lowList: info.lowStock ? info.available : "not listed",
    table: { available: info.available, reserved: info.reserved, onHand: info.onHand, threshold: info.threshold, status },
    detailThreshold: info.threshold,
    thresholds: { available: info.available, threshold: info.threshold, low: info.lowStock },
    bulkLowStock: info.lowStock ? info.available : "not listed",
  };
}

/** One warehouse's figures on the variant page and the warehouse-filtered inventory table. */
export async function levelReads(v: Variant, warehouse: Warehouse) {
  const [detail, table] = await Promise.all([
    getVariantDetail(v.variantId),
    listInventory(parseInventoryQuery({ warehouse: warehouse.id })),
  ]);
  const level = detail?.levels.find((l) => l.warehouseId === warehouse.id);
  const row = table.rows.find((r) => r.id === v.variantId);
  return {
    variantPage: level && { available: level.available, reserved: level.reserved, onHand: level.onHand, backordered: level.backordered },
    table: row && { available: row.available, reserved: row.reserved, onHand: row.on_hand, backordered: row.backordered },
  };
}

export async function expectedLevelReads(v: Variant, warehouse: Warehouse) {
  const info = await getStockInfo({ productId: v.productId, variantId: v.variantId, warehouseId: warehouse.id });
  const figures = { available: info.available, reserved: info.reserved, onHand: info.onHand, backordered: info.backordered };
  return { info, reads: { variantPage: figures, table: figures } };
}

/**
 * The bulk guard at one warehouse: lowering on-hand to exactly the units
 * promised there (live holds + backorders, less the backorder allowance) is
 * accepted and one unit below it is refused. Returns which of the two passed.
 */
export async function bulkGuard(v: Variant, warehouse: Warehouse, lowest: number) {
  const preview = (quantity: number) =>
    previewBulkImport({
      rows: [{ line: 2, sku: v.sku, warehouse: warehouse.code, quantity, mode: "set", reference: null, notes: null }],
      parseErrors: [], parseErrorCount: 0, rowCount: 1,
    }).then((result) => result.totals.errorRows === 0);
  return { atLowest: await preview(lowest), belowLowest: lowest > 0 ? await preview(lowest - 1) : false };
}
