"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

type Status = "connecting" | "live" | "reconnecting";
const LABELS: Record<Status, string> = { connecting: "Connecting…", live: "Live", reconnecting: "Reconnecting…" };

/**
 * Re-renders the current admin page (router.refresh: server components only,
 * client state and typed form input kept) when stock changes anywhere.
 * Events are coalesced: the first refresh waits `delayMs` and at most one runs
 * per window, so a flash sale's hundreds of events per second cost one
 * re-render. On reconnect it refreshes once, catching up on missed events.
 */
export function LiveRefresh({ url = "/api/admin/stream", delayMs = 1_000 }: { url?: string; delayMs?: number }) {
  const router = useRouter();
  const [status, setStatus] = useState<Status>("connecting");
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    const source = new EventSource(url);
    let wasLive = false;
    const schedule = () => {
      if (timer.current) return;
      timer.current = setTimeout(() => {
        timer.current = null;
        router.refresh();
      }, delayMs);
    };
    source.onopen = () => {
      if (wasLive) schedule();
      wasLive = true;
      setStatus("live");
    };
    source.onerror = () => setStatus("reconnecting");
    source.addEventListener("stock", schedule);
    return () => {
      source.close();
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
    };
  }, [url, delayMs, router]);

  return (
    <span className="inline-flex items-center gap-1.5 text-xs text-zinc-600" role="status" data-testid="live-status" data-status={status}>
      <span aria-hidden className={`size-2 rounded-full ${status === "live" ? "bg-emerald-500" : "bg-amber-400"}`} />
      {LABELS[status]}
    </span>
  );
}
