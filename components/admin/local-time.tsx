"use client";

import { useEffect, useState } from "react";

/**
 * A timestamp in the viewer's own locale and time zone. The server renders
 * UTC (it cannot know the viewer's zone); the browser replaces it after
 * hydration, so there is no hydration mismatch.
 */
export function LocalTime({ iso, relative = false }: { iso: string; relative?: boolean }) {
  const [text, setText] = useState(() => `${iso.slice(0, 16).replace("T", " ")} UTC`);
  useEffect(() => {
    const date = new Date(iso);
    const format = () => setText(relative ? relativeTo(date) : date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }));
    format();
    if (!relative) return;
    const timer = setInterval(format, 15_000);
    return () => clearInterval(timer);
  }, [iso, relative]);
  return (
    <time dateTime={iso} title={iso}>
      {text}
    </time>
  );
}

function relativeTo(date: Date): string {
  const seconds = Math.round((date.getTime() - Date.now()) / 1000);
  const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
  if (Math.abs(seconds) < 60) return rtf.format(seconds, "second");
  if (Math.abs(seconds) < 3600) return rtf.format(Math.round(seconds / 60), "minute");
  if (Math.abs(seconds) < 86_400) return rtf.format(Math.round(seconds / 3600), "hour");
  return rtf.format(Math.round(seconds / 86_400), "day");
}
