import { describe, expect, it } from "@jest/globals";
import { withCheckoutSlot } from "@/lib/store/checkout-gate";
import { ServiceBusyError } from "@/lib/errors";
import { toActionError } from "@/lib/http/public-error";
import { env } from "@/lib/env";

describe("checkout bulkhead", () => {
  it("runs at most half the pool at once, queues the rest in order, and answers busy (retryable) past the wait", async () => {
    const slots = Math.max(1, Math.floor(env.DATABASE_POOL_SIZE / 2));
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    const releases: (() => void)[] = [];
    const jobs = Array.from({ length: slots + 3 }, (_, i) => withCheckoutSlot(async () => {
      running += 1;
      peak = Math.max(peak, running);
      order.push(i);
      await new Promise<void>((resolve) => releases.push(resolve));
      running -= 1;
      return i;
    }));
    await new Promise((r) => setTimeout(r, 0));
    expect(running).toBe(slots);
    const late = await withCheckoutSlot(async () => "never", { queueMs: 10 }).catch((e: unknown) => e);
    expect(late).toBeInstanceOf(ServiceBusyError);
    expect(toActionError(late, "test")).toMatchObject({ code: "UNAVAILABLE" });
    while (releases.length || running) {
      releases.shift()?.();
      await new Promise((r) => setTimeout(r, 0));
    }
    expect(await Promise.all(jobs)).toEqual(jobs.map((_, i) => i));
    expect(order).toEqual(jobs.map((_, i) => i));
    expect(peak).toBe(slots);
  });
});
