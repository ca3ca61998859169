import { logger } from "@/lib/logger";
import { enqueueBackInStockNotifications } from "@/lib/inventory/waitlist";
import { enqueueLowStockAlerts, type EnqueueOptions } from "./low-stock";

export { enqueueLowStockAlerts, type LowStockAlertFired } from "./low-stock";

/**
 * THE hook for every stock change: low-stock alerts and back-in-stock emails
 * for the given variants, each decided exactly once in the database (see
 * low-stock.ts and inventory/waitlist.ts), outbox rows written by the same
 * statements. Pass `tx` to write them in the stock change's own transaction;
 * afterStockChange also calls it after every commit, and the worker re-runs
 * it for all variants periodically, so a crash between commit and this call
 * only delays an alert, never loses or duplicates it.
 */
export async function enqueueStockNotifications(variantIds: string[] | null, options: EnqueueOptions = {}) {
  const alerts = await enqueueLowStockAlerts(variantIds, options);
  const backInStock = await enqueueBackInStockNotifications(variantIds, options);
  return { alerts, backInStock };
}

/** After-commit variant: never fails the caller (the stock change already committed). */
export async function enqueueStockNotificationsSafely(variantIds: string[]): Promise<void> {
  try {
    await enqueueStockNotifications(variantIds);
  } catch (error) {
    logger.warn("stock notifications deferred to reconciliation", { error: String(error), variants: variantIds.length });
  }
}
