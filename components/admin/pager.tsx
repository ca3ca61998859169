import Link from "next/link";

/** Previous/next links that keep the other query parameters. */
export function Pager({ label, prev, next, status }: { label: string; prev: string | null; next: string | null; status?: string }) {
  const link = "rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm hover:bg-zinc-50";
  const off = "rounded-md border border-zinc-200 px-3 py-1.5 text-sm text-zinc-400";
  return (
    <nav aria-label={label} className="flex items-center justify-between gap-2 pt-3">
      {prev ? <Link href={prev} className={link} rel="prev">← Previous</Link> : <span className={off} aria-disabled="true">← Previous</span>}
      {status && <span className="text-sm text-zinc-600">{status}</span>}
      {next ? <Link href={next} className={link} rel="next">Next →</Link> : <span className={off} aria-disabled="true">Next →</span>}
    </nav>
  );
}

export function withParams(path: string, params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}
