import { Sema } from "async-sema";
import { env } from "@/lib/env";
import { ServiceBusyError } from "@/lib/errors";

/**
 * A bulkhead for checkout. A burst of "Place order" (a flash sale ending)
 * would otherwise take every pooled connection at once, so each checkout
 * waited for a connection behind 800 others and most gave up after the
 * pool's 5 s connection timeout; product pages and holds starved meanwhile.
 * Here at most half the pool checks out at once, the rest wait their turn in
 * memory (first come, first served) for up to CHECKOUT_QUEUE_MS, and only
 * then hear "busy, try again". Measured by `npm run bench -- checkout-burst`.
 */
const CHECKOUT_QUEUE_MS = 30_000;

let gate: Sema | null = null;

function checkoutSema(): Sema {
  gate ??= new Sema(Math.max(1, Math.floor(env.DATABASE_POOL_SIZE / 2)));
  return gate;
}

export async function withCheckoutSlot<T>(work: () => Promise<T>, { queueMs = CHECKOUT_QUEUE_MS } = {}): Promise<T> {
  const sema = checkoutSema();
  let timer: NodeJS.Timeout | undefined;
  let timedOut = false;
  const acquired = sema.acquire().then(() => {
    // Acquired after giving up: hand the slot straight back.
    if (timedOut) sema.release();
  });
  await Promise.race([
    acquired,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        timedOut = true;
        reject(new ServiceBusyError("checkout queue wait exceeded"));
      }, queueMs);
    }),
  ]).finally(() => clearTimeout(timer));
  try {
    return await work();
  } finally {
    sema.release();
  }
}
