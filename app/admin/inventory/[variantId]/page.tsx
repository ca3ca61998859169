import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatNumber, MOVEMENT_LABELS } from "@/components/admin/format";
import { HoldsTable } from "@/components/admin/holds-table";
import { MovementTable } from "@/components/admin/movement-table";
import { OnHandChart } from "@/components/admin/on-hand-chart";
import { FlashSaleForms } from "@/components/admin/flash-sale-forms";
import { SafetyStockForm, VariantSettingsForm } from "@/components/admin/settings-forms";
import { getFlashSaleStatus } from "@/lib/inventory/flash-sale";
import { unavailableBreakdown } from "@/lib/inventory";
import { variantLabel } from "@/lib/store/variant-display";
import { PolicyBadge } from "@/components/admin/status-badge";
import { StockOperationForms } from "@/components/admin/stock-operation-forms";
import { Button, buttonStyles } from "@/components/ui/button";
import { cardStyles } from "@/components/ui/card";
import { SelectField } from "@/components/ui/field";
import { Pager, withParams } from "@/components/ui/pager";
import { Table, Td, Th, cellStyles } from "@/components/ui/table";
import { listActiveHolds } from "@/lib/admin/holds";
import { listMovements, MOVEMENT_TYPES, parseMovementFilter } from "@/lib/admin/movements";
import { getOnHandSeries } from "@/lib/admin/on-hand-series";
import { getVariantDetail } from "@/lib/admin/variant-detail";
import { hasRole } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/page-guard";
import { idSchema } from "@/lib/validation/inventory";

export const metadata: Metadata = { title: "Variant" };
export const dynamic = "force-dynamic";

const UNAVAILABLE_REASONS = { RETURN_INSPECTION: "awaiting return inspection", QUALITY_CONTROL: "in quality control", DAMAGED: "damaged, awaiting write-off" } as const;
const LEVEL_COLUMNS = ["onHand", "reserved", "committed", "backordered", "unavailable", "incoming", "available"] as const;

type Props = { params: Promise<{ variantId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function VariantPage({ params, searchParams }: Props) {
  const { variantId } = await params;
  const user = await requirePageUser("OPS", `/admin/inventory/${encodeURIComponent(variantId)}`);
  if (!idSchema.safeParse(variantId).success) notFound();
  const filter = { ...parseMovementFilter(await searchParams), variantId };
  const [variant, history, series, holds, flashSale, unavailable] = await Promise.all([
    getVariantDetail(variantId),
    listMovements(filter),
    getOnHandSeries(variantId, 90),
    listActiveHolds({ variantId, pageSize: 100 }),
    getFlashSaleStatus(variantId),
    unavailableBreakdown(variantId),
  ]);
  if (!variant) notFound();
  const canEdit = hasRole(user, "ADMIN");
  const warehouses = variant.levels.map((l) => ({ id: l.warehouseId, code: l.code, name: l.name }));
  const path = `/admin/inventory/${variantId}`;
  const keep = { type: filter.type, warehouse: filter.warehouse };
  return (
    <div className="space-y-6">
      <div>
        <Link href="/admin/inventory" className="text-sm text-brand-700 hover:underline">← Inventory</Link>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">
          {variant.productName} {variantLabel(variant.title) && <span className="text-zinc-500">· {variantLabel(variant.title)}</span>}
        </h1>
        <p className="flex items-center gap-2 text-sm text-zinc-600">
          <span className="font-mono">{variant.sku}</span> <PolicyBadge policy={variant.policy} />
        </p>
      </div>

      <section className={cardStyles} aria-labelledby="levels-heading">
        <h2 id="levels-heading" className="mb-3 text-lg font-semibold">Stock per warehouse</h2>
        <Table data-testid="levels-table" frameLabel="Stock per warehouse">
          <thead>
            <tr>
              {["Warehouse", "On hand", "Reserved", "Committed", "Backordered", "Unavailable", "Incoming", "Available", "Safety stock"].map((h, i) => (
                <Th key={h} numeric={i > 0 && i < 8}>{h}</Th>
              ))}
            </tr>
          </thead>
          <tbody>
            {variant.levels.map((l) => (
              <tr key={l.warehouseId} data-warehouse={l.code}>
                <th scope="row" className={`${cellStyles} font-medium`}>
                  {l.code} <span className="font-normal text-zinc-500">{l.name}</span>
                  {!l.stocked && <div className="text-xs font-normal text-zinc-500">not stocked here yet</div>}
                </th>
                {[l.onHand, l.reserved, l.committed, l.backordered, l.unavailable, l.incoming, l.available].map((n, i) => (
                  <Td key={i} numeric data-column={LEVEL_COLUMNS[i]}>{formatNumber(n)}</Td>
                ))}
                <Td>
                  <SafetyStockForm variantId={variant.id} warehouseId={l.warehouseId} warehouseCode={l.code} safetyStock={l.safetyStock} canEdit={canEdit} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
        {unavailable.length > 0 && (
          <p className="mt-3 text-sm text-zinc-600" data-testid="unavailable-reasons">
            Unavailable:{" "}
            {unavailable.map((u) => `${formatNumber(u.units)} ${UNAVAILABLE_REASONS[u.reason]} at ${warehouses.find((w) => w.id === u.warehouseId)?.code ?? "?"}`).join(", ")}
          </p>
        )}
      </section>

      <section className={cardStyles} aria-labelledby="chart-heading">
        <h2 id="chart-heading" className="mb-3 text-lg font-semibold">On hand, last 90 days</h2>
        <OnHandChart points={series} label={`On-hand units of ${variant.sku}, last 90 days`} />
      </section>

      <section aria-labelledby="ops-heading" className="space-y-3">
        <h2 id="ops-heading" className="text-lg font-semibold">Stock operations</h2>
        <StockOperationForms variantId={variant.id} warehouses={warehouses} />
      </section>

      <section className={cardStyles} aria-labelledby="settings-heading">
        <h2 id="settings-heading" className="mb-1 text-lg font-semibold">Selling settings</h2>
        {!canEdit && <p className="mb-2 text-sm text-zinc-600">Only admins can change these settings.</p>}
        {variant.threshold === null && <p className="mb-2 text-sm text-zinc-600">Uses the default low-stock threshold ({variant.defaultThreshold}).</p>}
        <VariantSettingsForm
          variantId={variant.id}
          canEdit={canEdit}
          settings={{
            policy: variant.policy,
            backorderLimit: variant.backorderLimit,
            restockDate: variant.restockDate?.toISOString().slice(0, 10) ?? null,
            threshold: variant.threshold ?? variant.defaultThreshold,
          }}
        />
      </section>

      <section className={cardStyles} aria-labelledby="flash-heading">
        <h2 id="flash-heading" className="mb-1 text-lg font-semibold">Flash-sale mode</h2>
        {!canEdit && <p className="mb-2 text-sm text-zinc-600">Only admins can switch flash-sale mode.</p>}
        <FlashSaleForms variantId={variant.id} path={path} canEdit={canEdit} active={flashSale.active} buckets={flashSale.buckets} parked={flashSale.parked} />
      </section>

      <section className={cardStyles} aria-labelledby="holds-heading">
        <h2 id="holds-heading" className="mb-3 text-lg font-semibold">Active cart holds ({formatNumber(holds.total)})</h2>
        <HoldsTable holds={holds.holds} showVariant={false} />
      </section>

      <section className={cardStyles} aria-labelledby="history-heading">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <h2 id="history-heading" className="text-lg font-semibold">Movement history</h2>
          <a href={withParams("/api/admin/movements/export", { variantId, ...keep })} className={buttonStyles({ variant: "secondary", size: "sm" })} download>
            Export CSV
          </a>
        </div>
        <form method="get" action={path} aria-label="Filter history" className="mb-3 flex flex-wrap items-end gap-3">
          <SelectField id="type" name="type" label="Type" defaultValue={filter.type ?? ""}>
            <option value="">All types</option>
            {MOVEMENT_TYPES.map((t) => (
              <option key={t} value={t}>{MOVEMENT_LABELS[t]}</option>
            ))}
          </SelectField>
          <SelectField id="warehouse" name="warehouse" label="Warehouse" defaultValue={filter.warehouse ?? ""}>
            <option value="">All warehouses</option>
            {warehouses.map((w) => (
              <option key={w.id} value={w.id}>{w.code}</option>
            ))}
          </SelectField>
          <Button type="submit" variant="secondary">Filter</Button>
        </form>
        <MovementTable rows={history.rows} caption={`Movement history of ${variant.sku}, newest first`} />
        <Pager
          label="History pages"
          prev={history.newerCursor ? withParams(path, { ...keep, after: history.newerCursor }) : null}
          next={history.olderCursor ? withParams(path, { ...keep, before: history.olderCursor }) : null}
        />
      </section>
    </div>
  );
}
