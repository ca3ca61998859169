import { formatNumber } from "./format";
import { PolicyBadge, StockStatusBadge } from "./status-badge";
import { tdClass } from "./ui";

/** A right-aligned count in a table (tabular digits so columns line up). */
export function NumberCell({ value }: { value: number }) {
  return <td className={`${tdClass} text-right tabular-nums`}>{formatNumber(value)}</td>;
}

export function StockStatusCell({ status, policy }: { status: Parameters<typeof StockStatusBadge>[0]["status"]; policy: Parameters<typeof PolicyBadge>[0]["policy"] }) {
  return (
    <td className={tdClass}>
      <span className="flex flex-wrap gap-1">
        <StockStatusBadge status={status} /> <PolicyBadge policy={policy} />
      </span>
    </td>
  );
}
