export type BackoffOptions = { baseMs: number; capMs?: number; random?: () => number };

/**
 * Delay before retry number `attempt` (1 = first retry): exponential
 * (base · 2^(attempt−1), capped) with "equal jitter" — half fixed, half random
 * — so a receiver that was down is not hit by every worker at the same instant
 * when it comes back, yet a retry never comes sooner than half the step.
 */
export function retryDelayMs(attempt: number, { baseMs, capMs = 3_600_000, random = Math.random }: BackoffOptions): number {
  const step = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + random() * (step / 2));
}
