"use client";

import { useEffect, useState } from "react";

function remaining(expiresAt: string, now: number): number {
  return Math.max(0, Math.floor((Date.parse(expiresAt) - now) / 1000));
}

export function formatRemaining(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, "0")}`;
}

/** Time left on a hold, ticking each second; calls onExpire once when it reaches zero. */
export function HoldCountdown({ expiresAt, onExpire }: { expiresAt: string; onExpire?: () => void }) {
  const [now, setNow] = useState(() => Date.now());
  const seconds = remaining(expiresAt, now);
  useEffect(() => {
    if (seconds <= 0) {
      onExpire?.();
      return;
    }
    const timer = setTimeout(() => setNow(Date.now()), 1_000);
    return () => clearTimeout(timer);
  }, [seconds, onExpire]);
  return (
    <span className={seconds < 60 ? "font-medium text-amber-700" : "text-zinc-600"} data-testid="hold-countdown">
      {/* The visible clock ticks; screen readers get the minute, not a second-by-second chatter. */}
      <span aria-hidden>Held for {formatRemaining(seconds)}</span>
      <span className="sr-only">Held for about {Math.ceil(seconds / 60)} more minutes</span>
    </span>
  );
}
