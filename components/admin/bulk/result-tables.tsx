import { Table, Td, Th } from "@/components/ui/table";
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
      <Table frameClassName="rounded-lg border border-red-200 bg-white" data-testid="bulk-errors" frameLabel="Row errors">
        <caption className="sr-only">Rows with errors, by line number in the file</caption>
        <thead>
          <tr>
            <Th>Line</Th>
            <Th>SKU</Th>
            <Th>Warehouse</Th>
            <Th>Problem</Th>
          </tr>
        </thead>
        <tbody>
          {errors.slice(0, SHOWN_ERRORS).map((e) => (
            <tr key={`${e.line}-${e.message}`}>
              <Td className="tabular-nums">{e.line}</Td>
              <Td className="max-w-48 truncate font-mono" title={e.sku}>{e.sku}</Td>
              <Td>{e.warehouse}</Td>
              <Td>{e.message}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
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
      <Table frameClassName="max-h-[28rem] overflow-y-auto rounded-lg border border-zinc-200 bg-white" data-testid="bulk-changes" frameLabel="Changes">
        <caption className="sr-only">Current and new on-hand for each changed row</caption>
        <thead className="sticky top-0 bg-white">
          <tr>
            <Th>Line</Th>
            <Th>SKU</Th>
            <Th>Warehouse</Th>
            <Th>Mode</Th>
            <Th numeric>Current</Th>
            <Th numeric>New</Th>
            <Th numeric>Change</Th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => {
            const delta = c.newOnHand - c.onHand;
            return (
              <tr key={c.line}>
                <Td className="tabular-nums">{c.line}</Td>
                <Td className="max-w-48 truncate font-mono" title={c.sku}>{c.sku}</Td>
                <Td>{c.warehouse}</Td>
                <Td>{c.mode} {c.quantity}</Td>
                <Td numeric>{c.onHand}</Td>
                <Td numeric className="font-medium">{c.newOnHand}</Td>
                <Td numeric className={delta > 0 ? "text-emerald-700" : "text-amber-700"}>
                  {delta > 0 ? `+${delta}` : delta}
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
      {total > changes.length && <p className="text-sm text-zinc-600">Showing the first {number.format(changes.length)} of {number.format(total)} changes.</p>}
    </section>
  );
}
