/** A grey placeholder block while content loads (the pulse stops under prefers-reduced-motion). */
export function Skeleton({ className = "" }: { className?: string }) {
  return <div aria-hidden className={`animate-pulse rounded-md bg-zinc-200 motion-reduce:animate-none ${className}`} />;
}
