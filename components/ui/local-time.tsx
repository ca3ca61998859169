"use client";

import { Fragment, useEffect, useState } from "react";
import { formatInstant, formatUtc, ISO_INSTANT, type InstantFormat } from "./format-instant";
import { useHydrated } from "./use-hydrated";

type Props = {
  /** An instant: a Date, or an ISO 8601 string as it crosses from server to client. */
  value: Date | string;
  format?: InstantFormat;
  /** For tests; the viewer's own zone and locale otherwise. */
  timeZone?: string;
  locale?: string;
};

/**
 * The one way an instant is shown, in store and admin: in the viewer's locale
 * and time zone. The server cannot know the zone, so it renders a stable UTC
 * form ("2026-12-02 14:05 UTC", built without Intl, whose output differs
 * between Node's and the browser's ICU); the browser swaps in the local form
 * once hydrated. `relative` ("in 5 minutes") re-renders every 15 s.
 */
export function LocalTime({ value, format = "datetime", timeZone, locale }: Props) {
  const date = new Date(value);
  const hydrated = useHydrated();
  const now = useNow(hydrated && format === "relative");
  const iso = date.toISOString();
  const text = hydrated ? formatInstant(date, { format, now, timeZone, locale }) : formatUtc(date, format);
  return (
    <time dateTime={iso} title={hydrated && format === "relative" ? formatInstant(date, { timeZone, locale }) : undefined}>
      {text}
    </time>
  );
}

function useNow(ticking: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, [ticking]);
  return now;
}

/**
 * A server message with instants in it ("applied 2026-11-25T10:00:00.000Z by …"):
 * the domain writes instants as ISO 8601 because it cannot know the reader's
 * zone; here each one is shown like every other time on the page.
 */
export function TextWithTimes({ text }: { text: string }) {
  const parts = text.split(ISO_INSTANT);
  const instants = text.match(ISO_INSTANT) ?? [];
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {instants[i] ? <LocalTime value={instants[i]} /> : null}
        </Fragment>
      ))}
    </>
  );
}
