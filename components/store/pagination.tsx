import Link from "next/link";

export function Pagination({ page, pageCount, hrefFor }: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
  if (pageCount <= 1) return null;
  const link = "rounded-md px-3 py-1.5 text-sm ring-1 ring-inset ring-zinc-300 hover:bg-zinc-100";
  return (
    <nav aria-label="Pagination" className="flex items-center justify-center gap-2">
      {page > 1 ? <Link className={link} href={hrefFor(page - 1)} rel="prev">Previous</Link> : <span className={`${link} opacity-40`} aria-disabled="true">Previous</span>}
      <span className="px-2 text-sm text-zinc-600" aria-current="page">Page {page} of {pageCount}</span>
      {page < pageCount ? <Link className={link} href={hrefFor(page + 1)} rel="next">Next</Link> : <span className={`${link} opacity-40`} aria-disabled="true">Next</span>}
    </nav>
  );
}
