"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

type Status = "connecting" | "live" | "reconnecting" | "database-down";
const LABELS: Record<Status, string> = { connecting: "Connecting…", live: "Live", reconnecting: "Reconnecting…", "database-down": "Database unavailable" };
const DOT: Record<Status, string> = { connecting: "bg-amber-400", live: "bg-emerald-500", reconnecting: "bg-amber-400", "database-down": "bg-red-600" };
const RETRY_MS = 15_000;
const HEALTH_EVERY_MS = 10_000;

/** Whether PostgreSQL answers, from /api/health (503 when it does not); null when the app itself cannot be reached. */
async function fetchDatabaseUp(): Promise<boolean | null> {
  try {
    const response = await fetch("/api/health", { cache: "no-store" });
    const body = (await response.json().catch(() => null)) as { database?: { ok?: boolean } } | null;
    return body?.database?.ok ?? response.ok;
  } catch {
    return null;
  }
}

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
type Props = {
  url?: string;
  delayMs?: number;
  /** Injected in tests; defaults to asking /api/health. */
  checkDatabase?: () => Promise<boolean | null>;
  healthEveryMs?: number;
};

export function LiveRefresh({ url = "/api/admin/stream", delayMs = 1_000, checkDatabase = fetchDatabaseUp, healthEveryMs = HEALTH_EVERY_MS }: Props) {
  const router = useRouter();
  // The connection must outlive re-renders: read the router through a ref instead of reconnecting when its identity changes.
  const routerRef = useRef(router);
  routerRef.current = router;
  const [stream, setStatus] = useState<Exclude<Status, "database-down">>("connecting");
  // The event stream runs on the event bus (Redis), not PostgreSQL: it stays open while the database is down,
  // so "Live" also needs the database to answer, checked every few seconds.
  const [databaseUp, setDatabaseUp] = useState(true);
  const status: Status = databaseUp ? stream : "database-down";
  const checkRef = useRef(checkDatabase);
  checkRef.current = checkDatabase;
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

  useEffect(() => {
    let stopped = false;
    let wasUp = true;
    const check = async () => {
      const up = await checkRef.current();
      if (stopped || up === null) return;
      // Back from an outage: re-read the page, whose figures may be stale or missing.
      if (up && !wasUp) routerRef.current.refresh();
      wasUp = up;
      setDatabaseUp(up);
    };
    void check();
    const timer = setInterval(() => void check(), healthEveryMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [healthEveryMs]);

  return (
    <span className="inline-flex items-center gap-1.5 text-xs text-zinc-600" role="status" data-testid="live-status" data-status={status}>
      <span aria-hidden className={`size-2 rounded-full ${DOT[status]}`} />
      {LABELS[status]}
    </span>
  );
}
