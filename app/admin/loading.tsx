import { Skeleton } from "@/components/ui/skeleton";

// While an admin page renders on the server: its shape (title, filters, a
// table), so the layout does not jump when the figures arrive.
export default function AdminLoading() {
  return (
    <div className="space-y-4" role="status" aria-busy="true" aria-live="polite" data-testid="admin-loading">
      <span className="sr-only">Loading…</span>
      <Skeleton className="h-8 w-48" />
      <div className="grid gap-3 sm:grid-cols-3">
        <Skeleton className="h-10" />
        <Skeleton className="h-10" />
        <Skeleton className="h-10" />
      </div>
      <div className="space-y-2 rounded-lg border border-zinc-200 bg-white p-4">
        {Array.from({ length: 8 }, (_, i) => (
          <Skeleton key={i} className="h-8" />
        ))}
      </div>
    </div>
  );
}
