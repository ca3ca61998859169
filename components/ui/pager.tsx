import Link from "next/link";
import { buttonStyles } from "./button";

const off = "inline-flex h-8 items-center rounded-md px-3 text-sm text-zinc-400 ring-1 ring-inset ring-zinc-200";

/**
 * Previous/next links for every paged list, store and admin. A missing href
 * renders a visibly disabled placeholder, so the bar keeps its shape. The
 * arrows are decoration: the links are named "Previous" and "Next".
 */
export function Pager({ label, prev, next, status, className = "" }: { label: string; prev: string | null; next: string | null; status?: string; className?: string }) {
  const link = buttonStyles({ variant: "secondary", size: "sm" });
  return (
    <nav aria-label={label} className={`flex items-center justify-between gap-2 pt-3 ${className}`}>
      {prev ? (
        <Link href={prev} className={link} rel="prev">
          <span aria-hidden>←</span> Previous
        </Link>
      ) : (
        <span className={off} aria-disabled="true">
          <span aria-hidden>←</span>&nbsp;Previous
        </span>
      )}
      {status && <span className="text-sm text-zinc-600" aria-current="page">{status}</span>}
      {next ? (
        <Link href={next} className={link} rel="next">
          Next <span aria-hidden>→</span>
        </Link>
      ) : (
        <span className={off} aria-disabled="true">
          Next&nbsp;<span aria-hidden>→</span>
        </span>
      )}
    </nav>
  );
}

/** A path with the given query parameters, empty ones left out. */
export function withParams(path: string, params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}
