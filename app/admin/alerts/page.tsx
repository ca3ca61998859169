import type { Metadata } from "next";
import { ChannelActions } from "@/components/admin/alerts/channel-actions";
import Link from "next/link";
import { AddChannelDialog } from "@/components/admin/alerts/channel-form";
import { NotificationHistory } from "@/components/admin/alerts/notification-history";
import { ThresholdEditDialog } from "@/components/admin/alerts/threshold-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { inputStyles } from "@/components/ui/input-styles";
import { LocalTime } from "@/components/ui/local-time";
import { Pager } from "@/components/ui/pager";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { listChannels } from "@/lib/alerts/channels";
import { listNotifications } from "@/lib/alerts/history";
import { listThresholds } from "@/lib/alerts/thresholds";
import { requirePageUser } from "@/lib/auth/page-guard";
import { env } from "@/lib/env";
import { lineName } from "@/lib/store/variant-display";

export const metadata: Metadata = { title: "Alerts" };
export const dynamic = "force-dynamic";

type Search = { q?: string; page?: string; status?: string; cursor?: string; tab?: string };
const STATUSES = ["PENDING", "DELIVERED", "DEAD"] as const;
const TABS = [
  { id: "thresholds", label: "Thresholds" },
  { id: "channels", label: "Channels" },
  { id: "history", label: "History" },
] as const;
type Tab = (typeof TABS)[number]["id"];

export default async function AlertsPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requirePageUser("ADMIN", "/admin/alerts");
  const params = await searchParams;
  const page = Math.max(1, Number.parseInt(params.page ?? "1", 10) || 1);
  const status = STATUSES.find((s) => s === params.status);
  const cursor = /^[0-9a-f-]{36}$/i.test(params.cursor ?? "") ? params.cursor : undefined;
  const [channels, thresholds, history] = await Promise.all([
    listChannels(),
    listThresholds({ q: params.q?.slice(0, 100), page }),
    listNotifications({ status, cursor }),
  ]);
  const pages = Math.max(1, Math.ceil(thresholds.total / thresholds.pageSize));
  const pageLink = (p: number) => `/admin/alerts?${new URLSearchParams({ ...(params.q ? { q: params.q } : {}), page: String(p) })}`;
  // A status filter or history cursor in the address means the history tab (links from elsewhere keep working).
  const tab: Tab = TABS.find((t) => t.id === params.tab)?.id ?? (status || cursor ? "history" : "thresholds");
  const counts: Record<Tab, string> = {
    thresholds: String(thresholds.total),
    channels: String(channels.length),
    history: history.byStatus.DEAD ? `${history.byStatus.DEAD} dead` : "",
  };

  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold">Alerts</h1>
        <p className="mt-1 text-sm text-zinc-600">
          A variant alerts when its available stock is at or below its threshold — at most once every {Math.round(env.ALERT_DEBOUNCE_SECONDS / 3600)} h.
          Variants without their own setting use {env.LOW_STOCK_DEFAULT_THRESHOLD}.
        </p>
      </header>

      <nav aria-label="Alerts sections" className="flex gap-1 border-b border-zinc-200">
        {TABS.map((t) => (
          <Link
            key={t.id}
            href={`/admin/alerts?tab=${t.id}`}
            aria-current={tab === t.id ? "page" : undefined}
            className="-mb-px border-b-2 border-transparent px-3 py-2 text-sm font-medium text-zinc-600 hover:text-zinc-900 aria-[current=page]:border-brand-600 aria-[current=page]:text-brand-700"
            data-testid={`alerts-tab-${t.id}`}
          >
            {t.label}
            {counts[t.id] ? <span className="ml-1.5 rounded-full bg-zinc-100 px-1.5 text-xs text-zinc-600">{counts[t.id]}</span> : null}
          </Link>
        ))}
      </nav>

      {tab === "thresholds" && (
      <section aria-labelledby="thresholds-heading" className="space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="thresholds-heading" className="text-lg font-semibold">Thresholds</h2>
          <form className="flex gap-2" role="search">
            <input type="hidden" name="tab" value="thresholds" />
            <label htmlFor="threshold-search" className="sr-only">Search SKU or product</label>
            <input id="threshold-search" name="q" type="search" defaultValue={params.q} placeholder="SKU or product" className={`${inputStyles} w-56!`} />
            <Button type="submit" variant="secondary">Search</Button>
          </form>
        </div>
        <Table frameClassName="rounded-lg border border-zinc-200 bg-white" frameLabel="Low-stock thresholds">
          <caption className="sr-only">Low-stock thresholds of stocked variants</caption>
          <thead>
            <tr><Th>Variant</Th><Th>Available</Th><Th>Threshold</Th><Th>Alerts</Th><Th>Last alert</Th><Th><span className="sr-only">Actions</span></Th></tr>
          </thead>
          <tbody>
            {thresholds.rows.map((t) => (
              <tr key={t.variantId}>
                <Td>
                  <p className="font-medium">{lineName(t.productName, t.variantTitle)}</p>
                  <p className="font-mono text-xs text-zinc-500">{t.sku}</p>
                </Td>
                <Td>{t.available} {t.low ? <Badge tone={t.available === 0 ? "danger" : "warning"}>{t.available === 0 ? "out" : "low"}</Badge> : null}</Td>
                <Td className="tabular-nums">
                  {t.threshold} {!t.ownThreshold ? <span className="text-xs text-zinc-500">(default)</span> : null}
                </Td>
                <Td>{t.isActive ? <Badge tone="success">on</Badge> : <Badge>off</Badge>}</Td>
                <Td className="text-zinc-600">{t.lastAlertedAt ? <LocalTime value={t.lastAlertedAt} /> : "—"}</Td>
                <Td className="text-right">
                  <ThresholdEditDialog variantId={t.variantId} sku={t.sku} threshold={t.threshold} isActive={t.isActive} label={`${lineName(t.productName, t.variantTitle)} (${t.sku})`} />
                </Td>
              </tr>
            ))}
            {!thresholds.rows.length ? <EmptyRow colSpan={6}>No stocked variants match.</EmptyRow> : null}
          </tbody>
        </Table>
        {pages > 1 ? (
          <Pager
            label="Threshold pages"
            status={`Page ${page} of ${pages}`}
            prev={page > 1 ? pageLink(page - 1) : null}
            next={page < pages ? pageLink(page + 1) : null}
          />
        ) : null}
      </section>
      )}
      {tab === "channels" && (
      <section aria-labelledby="channels-heading" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="channels-heading" className="text-lg font-semibold">Channels</h2>
          <AddChannelDialog />
        </div>
        {channels.length ? (
          <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 bg-white">
            {channels.map((c) => (
              <li key={c.id} className="flex flex-col gap-2 p-4 sm:flex-row sm:items-center sm:justify-between">
                <div className="min-w-0">
                  <p className="flex items-center gap-2 font-medium">
                    {c.name} <Badge tone="info">{c.type.toLowerCase()}</Badge>
                    {c.enabled ? <Badge tone="success">enabled</Badge> : <Badge>disabled</Badge>}
                  </p>
                  <p className="truncate text-sm text-zinc-600">{c.targetDisplay}</p>
                  {c.secretHint ? <p className="text-xs text-zinc-500">Signing secret {c.secretHint}</p> : null}
                </div>
                <ChannelActions id={c.id} enabled={c.enabled} isWebhook={c.type === "WEBHOOK"} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-zinc-600">No channels yet: alerts are recorded but not sent anywhere. Back-in-stock emails need an email channel.</p>
        )}
      </section>
      )}
      {tab === "history" && <NotificationHistory history={history} status={status} />}
    </div>
  );
}
