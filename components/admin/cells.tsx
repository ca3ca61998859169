import { formatNumber } from "./format";
import { PolicyBadge, StockStatusBadge } from "./status-badge";
import { Td } from "@/components/ui/table";

/** A right-aligned count in a table (tabular digits so columns line up). */
export function NumberCell({ value }: { value: number }) {
  return <Td numeric>{formatNumber(value)}</Td>;
}

export function StockStatusCell({ status, policy }: { status: Parameters<typeof StockStatusBadge>[0]["status"]; policy: Parameters<typeof PolicyBadge>[0]["policy"] }) {
  return (
    <Td>
      <span className="flex flex-wrap gap-1">
        <StockStatusBadge status={status} /> <PolicyBadge policy={policy} />
      </span>
    </Td>
  );
}
