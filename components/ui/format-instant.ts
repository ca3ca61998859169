// Pure formatting behind <LocalTime>; no React, so it is unit-tested directly.

export type InstantFormat = "datetime" | "date" | "time" | "relative";

/** An ISO 8601 instant in UTC as our server writes it (Date#toISOString, with or without seconds). */
export const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?Z/g;

const pad = (n: number) => String(n).padStart(2, "0");

/** The stable form rendered before hydration: identical on every machine because it uses no locale data. */
export function formatUtc(date: Date, format: InstantFormat = "datetime"): string {
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
  if (format === "date") return day;
  if (format === "time") return `${time} UTC`;
  return `${day} ${time} UTC`;
}

const STYLES = {
  datetime: { dateStyle: "medium", timeStyle: "short" },
  date: { dateStyle: "medium" },
  time: { timeStyle: "short" },
} as const satisfies Record<Exclude<InstantFormat, "relative">, Intl.DateTimeFormatOptions>;

type Options = { format?: InstantFormat; now?: number; timeZone?: string; locale?: string };

/** The viewer's form: their locale and zone unless given ("Dec 2, 2026, 3:05 PM"; relative: "in 5 minutes"). */
export function formatInstant(date: Date, { format = "datetime", now = Date.now(), timeZone, locale }: Options = {}): string {
  if (format === "relative") return formatRelative(date.getTime() - now, locale);
  return new Intl.DateTimeFormat(locale, { ...STYLES[format], timeZone }).format(date);
}

function formatRelative(ms: number, locale?: string): string {
  const seconds = Math.round(ms / 1000);
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  if (Math.abs(seconds) < 60) return rtf.format(seconds, "second");
  if (Math.abs(seconds) < 3600) return rtf.format(Math.round(seconds / 60), "minute");
  if (Math.abs(seconds) < 86_400) return rtf.format(Math.round(seconds / 3600), "hour");
  return rtf.format(Math.round(seconds / 86_400), "day");
}
