import type { OnHandPoint } from "@/lib/admin/on-hand-series";
import { formatNumber } from "./format";

const WIDTH = 640;
const HEIGHT = 200;
const PAD = { top: 12, right: 12, bottom: 28, left: 44 };

/**
 * On-hand over time as a hand-drawn SVG step chart (stock changes in steps,
 * not smoothly). Server-rendered, no client JavaScript or chart dependency;
 * screen readers get a summary in the SVG's title/desc and the full series as
 * a table in a <details> element.
 */
export function OnHandChart({ points, label }: { points: OnHandPoint[]; label: string }) {
  if (!points.length) return null;
  const values = points.map((p) => p.onHand);
  const max = Math.max(1, ...values);
  const min = Math.min(0, ...values);
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (points.length === 1 ? innerW : (i / (points.length - 1)) * innerW);
  const y = (v: number) => PAD.top + innerH - ((v - min) / (max - min)) * innerH;
  let path = `M ${x(0)} ${y(values[0]!)}`;
  for (let i = 1; i < points.length; i++) path += ` H ${x(i)} V ${y(values[i]!)}`;
  const first = points[0]!;
  const last = points.at(-1)!;
  const ticks = [min, Math.round((min + max) / 2), max].filter((v, i, all) => all.indexOf(v) === i);
  const summary = `${label}: ${formatNumber(first.onHand)} on ${first.day}, ${formatNumber(last.onHand)} on ${last.day}; lowest ${formatNumber(Math.min(...values))}, highest ${formatNumber(Math.max(...values))}.`;
  return (
    <figure className="space-y-2" data-testid="on-hand-chart" data-latest={last.onHand}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby="on-hand-title" aria-describedby="on-hand-desc" className="h-auto w-full">
        <title id="on-hand-title">{label}</title>
        <desc id="on-hand-desc">{summary}</desc>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(t)} y2={y(t)} stroke="#e4e4e7" />
            <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end" fontSize="11" fill="#71717a">
              {formatNumber(t)}
            </text>
          </g>
        ))}
        <path d={path} fill="none" stroke="#1d5fd1" strokeWidth="2" />
        <circle cx={x(points.length - 1)} cy={y(last.onHand)} r="3.5" fill="#1d5fd1" />
        <text x={PAD.left} y={HEIGHT - 8} fontSize="11" fill="#71717a">{first.day}</text>
        <text x={WIDTH - PAD.right} y={HEIGHT - 8} fontSize="11" fill="#71717a" textAnchor="end">{last.day}</text>
      </svg>
      <figcaption className="text-sm text-zinc-600">
        On hand now: <strong data-testid="on-hand-now">{formatNumber(last.onHand)}</strong> (closing on-hand per UTC day, rebuilt from the ledger)
      </figcaption>
      <details className="text-sm">
        <summary className="cursor-pointer text-brand-700">Show the data as a table</summary>
        <table className="mt-2 text-left text-xs">
          <thead>
            <tr>
              <th scope="col" className="pr-4">Day</th>
              <th scope="col">On hand</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.day}>
                <td className="pr-4">{p.day}</td>
                <td className="tabular-nums">{formatNumber(p.onHand)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
