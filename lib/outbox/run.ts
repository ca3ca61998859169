import { enqueueStockNotifications } from "@/lib/alerts";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { processOutboxBatch, type OutboxOptions } from "./worker";

export type WorkerHandle = { stop: () => Promise<void> };

export type StartWorkerOptions = OutboxOptions & {
  pollMs?: number;
  /** How often every variant is re-checked for alerts (catches a crash between a commit and its check). */
  reconcileEveryMs?: number;
};

/**
 * The long-running outbox worker (`npm run worker`, or in-process in embedded
 * mode): drains due notifications, sleeps `pollMs` when idle, and runs the
 * stock-notification reconciliation periodically. Any number may run at once.
 */
export function startOutboxWorker(options: StartWorkerOptions = {}): WorkerHandle {
  const pollMs = options.pollMs ?? env.OUTBOX_POLL_MS;
  const reconcileEveryMs = options.reconcileEveryMs ?? 60_000;
  const batchSize = options.batchSize ?? 20;
  let running = true;
  let wake: (() => void) | null = null;
  let lastReconcile = 0;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      timer.unref?.();
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const loop = (async () => {
    while (running) {
      let busy = false;
      try {
        if (Date.now() - lastReconcile >= reconcileEveryMs) {
          lastReconcile = Date.now();
          const { alerts, backInStock } = await enqueueStockNotifications(null);
          if (alerts.length || backInStock) logger.info("reconciliation queued notifications", { alerts: alerts.length, backInStock });
        }
        const result = await processOutboxBatch({ ...options, batchSize });
        busy = result.claimed === batchSize;
      } catch (error) {
        logger.warn("outbox pass failed", { error: String(error) });
      }
      if (running && !busy) await sleep(pollMs);
    }
  })();

  return {
    stop: async () => {
      running = false;
      wake?.();
      await loop;
    },
  };
}
