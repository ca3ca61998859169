import { Skeleton } from "@/components/ui/skeleton";

// Placeholders streamed while an admin page's figures load (inside the page,
// after its access check, so a refused page still answers 403 and a signed-out
// visitor is still redirected with a proper status).

export function TableSkeleton({ rows = 8, label = "Loading…" }: { rows?: number; label?: string }) {
  return (
    <div role="status" aria-busy="true" aria-live="polite" className="space-y-2" data-testid="table-skeleton">
      <span className="sr-only">{label}</span>
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} className="h-8" />
      ))}
    </div>
  );
}

export function TilesSkeleton({ count = 6 }: { count?: number }) {
  return (
    <div aria-hidden className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
      {Array.from({ length: count }, (_, i) => (
        <Skeleton key={i} className="h-20" />
      ))}
    </div>
  );
}
