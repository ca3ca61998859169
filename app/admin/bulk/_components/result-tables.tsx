import type { BulkTotals, RowChange, RowError } from "@/lib/inventory/bulk/format";

const SHOWN_ERRORS = 100;
const number = new Intl.NumberFormat("en");

export function Totals({ totals }: { totals: BulkTotals }) {
  const items: [string, number, string?][] = [
    ["Rows", totals.rows],
    ["Valid", totals.validRows],
    ["With errors", totals.errorRows, totals.errorRows ? "text-red-700" : undefined],
    ["Will change", totals.changedRows],
    ["Unchanged", totals.unchangedRows],
    ["Units added", totals.unitsAdded, "text-emerald-700"],
    ["Units removed", totals.unitsRemoved, "text-amber-700"],
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7" data-testid="bulk-totals">
      {items.map(([label, value, tone]) => (
        <div key={label} className="rounded-md border border-zinc-200 bg-white px-3 py-2">
          <dt className="text-xs text-zinc-500">{label}</dt>
          <dd className={`text-lg font-semibold tabular-nums ${tone ?? ""}`}>{number.format(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ErrorsTable({ errors, total }: { errors: RowError[]; total: number }) {
  if (!errors.length) return null;
  return (
    <section aria-labelledby="bulk-errors-heading" className="space-y-2">
      <h2 id="bulk-errors-heading" className="text-lg font-semibold text-red-800">
        {number.format(total)} {total === 1 ? "row needs" : "rows need"} fixing
      </h2>
      <div className="overflow-x-auto rounded-lg border border-red-200 bg-white">
        <table className="min-w-full text-sm" data-testid="bulk-errors">
          <caption className="sr-only">Rows with errors, by line number in the file</caption>
          <thead className="bg-red-50 text-left text-xs uppercase text-red-900">
            <tr>
              <th scope="col" className="px-3 py-2">Line</th>
              <th scope="col" className="px-3 py-2">SKU</th>
              <th scope="col" className="px-3 py-2">Warehouse</th>
              <th scope="col" className="px-3 py-2">Problem</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {errors.slice(0, SHOWN_ERRORS).map((e) => (
              <tr key={`${e.line}-${e.message}`}>
                <td className="px-3 py-1.5 tabular-nums">{e.line}</td>
                <td className="max-w-48 truncate px-3 py-1.5 font-mono" title={e.sku}>{e.sku}</td>
                <td className="px-3 py-1.5">{e.warehouse}</td>
                <td className="px-3 py-1.5">{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {errors.length > SHOWN_ERRORS && (
        <p className="text-sm text-zinc-600">Showing the first {SHOWN_ERRORS}; the error report has {number.format(errors.length)}.</p>
      )}
    </section>
  );
}

export function ChangesTable({ changes, total }: { changes: RowChange[]; total: number }) {
  if (!changes.length) return null;
  return (
    <section aria-labelledby="bulk-changes-heading" className="space-y-2">
      <h2 id="bulk-changes-heading" className="text-lg font-semibold">Changes to on-hand</h2>
      <div className="max-h-[28rem] overflow-auto rounded-lg border border-zinc-200 bg-white">
        <table className="min-w-full text-sm" data-testid="bulk-changes">
          <caption className="sr-only">Current and new on-hand for each changed row</caption>
          <thead className="sticky top-0 bg-zinc-50 text-left text-xs uppercase text-zinc-600">
            <tr>
              <th scope="col" className="px-3 py-2">Line</th>
              <th scope="col" className="px-3 py-2">SKU</th>
              <th scope="col" className="px-3 py-2">Warehouse</th>
              <th scope="col" className="px-3 py-2">Mode</th>
              <th scope="col" className="px-3 py-2 text-right">Current</th>
              <th scope="col" className="px-3 py-2 text-right">New</th>
              <th scope="col" className="px-3 py-2 text-right">Change</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {changes.map((c) => {
              const delta = c.newOnHand - c.onHand;
              return (
                <tr key={c.line}>
                  <td className="px-3 py-1.5 tabular-nums">{c.line}</td>
                  <td className="max-w-48 truncate px-3 py-1.5 font-mono" title={c.sku}>{c.sku}</td>
                  <td className="px-3 py-1.5">{c.warehouse}</td>
                  <td className="px-3 py-1.5">{c.mode} {c.quantity}</td>
                  <td className="px-3 py-1.5 text-right tabular-nums">{c.onHand}</td>
                  <td className="px-3 py-1.5 text-right font-medium tabular-nums">{c.newOnHand}</td>
                  <td className={`px-3 py-1.5 text-right tabular-nums ${delta > 0 ? "text-emerald-700" : "text-amber-700"}`}>
                    {delta > 0 ? `+${delta}` : delta}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {total > changes.length && <p className="text-sm text-zinc-600">Showing the first {number.format(changes.length)} of {number.format(total)} changes.</p>}
    </section>
  );
}
