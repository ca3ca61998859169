import { Info } from "lucide-react";
import type { Breakdown } from "@/lib/admin/available-breakdown";
import { formatNumber } from "./format";

/**
 * The available figure with, when it differs from on hand, a disclosure that
 * explains it: on hand, each term taken out or added back, = available.
 * A native <details>, so it opens with the keyboard and needs no script.
 */
export function AvailableBreakdown({ breakdown, label }: { breakdown: Breakdown; label: string }) {
  const value = formatNumber(breakdown.available);
  if (!breakdown.terms.length) return <span>{value}</span>;
  return (
    <details className="group relative inline-block text-left" data-testid="available-breakdown">
      <summary className="inline-flex cursor-pointer list-none items-center gap-1 rounded-sm underline decoration-dotted underline-offset-4 focus-visible:outline-2 focus-visible:outline-brand-600">
        {value}
        <Info aria-hidden className="size-3.5 text-zinc-500" />
        <span className="sr-only">, why: {label}</span>
      </summary>
      <div className="absolute right-0 z-20 mt-1 w-72 rounded-md border border-zinc-200 bg-white p-3 text-sm font-normal shadow-lg">
        <p className="mb-2 font-medium text-zinc-900">Why {value} available</p>
        <dl className="space-y-1">
          <Line label="On hand" value={formatNumber(breakdown.onHand)} />
          {breakdown.terms.map((term) => (
            <Line key={term.key} label={term.label} hint={term.hint} value={`${term.op === "-" ? "−" : "+"} ${formatNumber(Math.abs(term.value))}`} testId={`breakdown-${term.key}`} />
          ))}
          <div className="flex justify-between gap-3 border-t border-zinc-200 pt-1 font-semibold">
            <dt>Available</dt>
            <dd className="tabular-nums">{value}</dd>
          </div>
        </dl>
      </div>
    </details>
  );
}

function Line({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId?: string }) {
  return (
    <div className="flex justify-between gap-3" data-testid={testId}>
      <dt>
        {label}
        {hint && <span className="block text-xs text-zinc-600">{hint}</span>}
      </dt>
      <dd className="whitespace-nowrap tabular-nums">{value}</dd>
    </div>
  );
}
