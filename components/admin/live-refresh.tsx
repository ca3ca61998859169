"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

type Status = "connecting" | "live" | "reconnecting";
const LABELS: Record<Status, string> = { connecting: "Connecting…", live: "Live", reconnecting: "Reconnecting…" };
const RETRY_MS = 15_000;

/**
 * Re-renders the current admin page (router.refresh: server components only,
 * client state and typed form input kept) when stock changes anywhere.
 * Events are coalesced: the first refresh waits `delayMs` and at most one runs
 * per window, so a flash sale's hundreds of events per second cost one
 * re-render. After a reconnect it refreshes once to catch up on missed events.
 * EventSource retries network drops itself but gives up on an HTTP error
 * (e.g. 401 once the session expired): then we refresh — the page guard sends
 * an expired session to sign-in — and try again later.
 */
export function LiveRefresh({ url = "/api/admin/stream", delayMs = 1_000 }: { url?: string; delayMs?: number }) {
  const router = useRouter();
  // The connection must outlive re-renders: read the router through a ref instead of reconnecting when its identity changes.
  const routerRef = useRef(router);
  routerRef.current = router;
  const [status, setStatus] = useState<Status>("connecting");
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    let source: EventSource | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | null = null;
    let wasLive = false;
    const schedule = () => {
      if (refreshTimer.current) return;
      refreshTimer.current = setTimeout(() => {
        refreshTimer.current = null;
        routerRef.current.refresh();
      }, delayMs);
    };
    const connect = () => {
      source = new EventSource(url);
      source.onopen = () => {
        if (wasLive) schedule();
        wasLive = true;
        setStatus("live");
      };
      source.onerror = () => {
        setStatus("reconnecting");
        if (source?.readyState !== EventSource.CLOSED) return;
        schedule();
        retryTimer = setTimeout(connect, RETRY_MS);
      };
      source.addEventListener("stock", schedule);
    };
    connect();
    return () => {
      source?.close();
      if (retryTimer) clearTimeout(retryTimer);
      if (refreshTimer.current) clearTimeout(refreshTimer.current);
      refreshTimer.current = null;
    };
  }, [url, delayMs]);

  return (
    <span className="inline-flex items-center gap-1.5 text-xs text-zinc-600" role="status" data-testid="live-status" data-status={status}>
      <span aria-hidden className={`size-2 rounded-full ${status === "live" ? "bg-emerald-500" : "bg-amber-400"}`} />
      {LABELS[status]}
    </span>
  );
}
