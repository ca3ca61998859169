import type { Metadata } from "next";
import { ChannelActions } from "@/components/admin/alerts/channel-actions";
import { ChannelForm } from "@/components/admin/alerts/channel-form";
import { NotificationHistory } from "@/components/admin/alerts/notification-history";
import { ThresholdForm } from "@/components/admin/alerts/threshold-form";
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

export const metadata: Metadata = { title: "Alerts" };
export const dynamic = "force-dynamic";

type Search = { q?: string; page?: string; status?: string; cursor?: string };
const STATUSES = ["PENDING", "DELIVERED", "DEAD"] as const;

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

  return (
    <div className="space-y-10">
      <header>
        <h1 className="text-2xl font-semibold">Alerts</h1>
        <p className="mt-1 text-sm text-zinc-600">
          A variant alerts when its available stock is at or below its threshold — at most once every {Math.round(env.ALERT_DEBOUNCE_SECONDS / 3600)} h.
          Variants without their own setting use {env.LOW_STOCK_DEFAULT_THRESHOLD}.
        </p>
      </header>

      <section aria-labelledby="channels-heading" className="space-y-3">
        <h2 id="channels-heading" className="text-lg font-semibold">Channels</h2>
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
        <ChannelForm />
      </section>

      <section aria-labelledby="thresholds-heading" className="space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="thresholds-heading" className="text-lg font-semibold">Thresholds</h2>
          <form className="flex gap-2" role="search">
            <label htmlFor="threshold-search" className="sr-only">Search SKU or product</label>
            <input id="threshold-search" name="q" type="search" defaultValue={params.q} placeholder="SKU or product" className={`${inputStyles} w-56!`} />
            <Button type="submit" variant="secondary">Search</Button>
          </form>
        </div>
        <Table frameClassName="rounded-lg border border-zinc-200 bg-white" frameLabel="Low-stock thresholds">
          <caption className="sr-only">Low-stock thresholds of stocked variants</caption>
          <thead>
            <tr><Th>Variant</Th><Th>Available</Th><Th>Threshold</Th><Th>Last alert</Th></tr>
          </thead>
          <tbody>
            {thresholds.rows.map((t) => (
              <tr key={t.variantId}>
                <Td>
                  <p className="font-medium">{t.productName} <span className="text-zinc-500">· {t.variantTitle}</span></p>
                  <p className="font-mono text-xs text-zinc-500">{t.sku}</p>
                </Td>
                <Td>{t.available} {t.low ? <Badge tone={t.available === 0 ? "danger" : "warning"}>{t.available === 0 ? "out" : "low"}</Badge> : null}</Td>
                <Td>
                  <ThresholdForm variantId={t.variantId} sku={t.sku} threshold={t.threshold} isActive={t.isActive} />
                  {!t.ownThreshold ? <p className="mt-1 text-xs text-zinc-500">default</p> : null}
                </Td>
                <Td className="text-zinc-600">{t.lastAlertedAt ? <LocalTime value={t.lastAlertedAt} /> : "—"}</Td>
              </tr>
            ))}
            {!thresholds.rows.length ? <EmptyRow colSpan={4}>No stocked variants match.</EmptyRow> : null}
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

      <NotificationHistory history={history} status={status} />
    </div>
  );
}
