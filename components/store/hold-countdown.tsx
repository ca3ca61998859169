"use client";

import { useEffect, useState } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";

function remaining(expiresAt: string, now: number): number {
  return Math.max(0, Math.floor((Date.parse(expiresAt) - now) / 1000));
}

export function formatRemaining(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, "0")}`;
}

type Props = {
  expiresAt: string;
  /**
   * The server's clock when it rendered the page. The server HTML and the
   * hydrating render both count from it, so they agree to the second; the
   * browser's own clock takes over right after hydration.
   */
  renderedAt?: number;
  onExpire?: () => void;
};

/** Time left on a hold, ticking each second; calls onExpire once when it reaches zero. */
export function HoldCountdown({ expiresAt, renderedAt, onExpire }: Props) {
  const hydrated = useHydrated();
  const [tick, setTick] = useState<number | null>(null);
  const now = hydrated ? (tick ?? Date.now()) : (renderedAt ?? Date.now());
  const seconds = remaining(expiresAt, now);
  useEffect(() => {
    if (!hydrated) return;
    if (seconds <= 0) {
      onExpire?.();
      return;
    }
    const timer = setTimeout(() => setTick(Date.now()), 1_000);
    return () => clearTimeout(timer);
  }, [hydrated, seconds, onExpire]);
  return (
    <span className={seconds < 60 ? "font-medium text-amber-700" : "text-zinc-600"} data-testid="hold-countdown">
      {/* The visible clock ticks; screen readers get the minute, not a second-by-second chatter. */}
      <span aria-hidden>Held for {formatRemaining(seconds)}</span>
      <span className="sr-only">Held for about {Math.ceil(seconds / 60)} more minutes</span>
    </span>
  );
}
