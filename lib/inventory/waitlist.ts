import { z } from "zod";
import { env } from "@/lib/env";
import { runSql, VARIANT_NET_CTE, type Tx } from "@/lib/alerts/sql";
import { idSchema } from "@/lib/validation/inventory";
import { InventoryError } from "./errors";
import { parseInput } from "@/lib/validation/parse";

// Back-in-stock waitlist. A shopper leaves an email on an out-of-stock
// variant; when it has free units again, each waiting email gets exactly one
// BACK_IN_STOCK notification through the outbox.

export const waitlistEmailSchema = z.string().trim().toLowerCase().pipe(z.email({ message: "Enter a valid email address" }).max(200, "Email is too long"));
export const joinWaitlistSchema = z.object({ variantId: idSchema, email: waitlistEmailSchema });
export type JoinWaitlistInput = z.input<typeof joinWaitlistSchema>;

const JOIN_SQL = `
with ${VARIANT_NET_CTE}
select v."id" as "variantId", coalesce(n.net, 0) as net, n."variantId" is not null as stocked
from "ProductVariant" v left join net n on n."variantId" = v."id"
where v."id" = ($1::uuid[])[1]`;

/**
 * Adds the email to the variant's waitlist. Idempotent: joining twice keeps
 * one row (unique (variantId, email)); joining again after being notified
 * re-arms the request. The answer never says whether the email was already
 * there, so the form cannot be used to probe who is waiting for what.
 */
export async function joinWaitlist(input: JoinWaitlistInput): Promise<{ variantId: string }> {
  const { variantId, email } = parseInput(joinWaitlistSchema, input);
  const [variant] = await runSql<{ net: number; stocked: boolean }>(undefined, JOIN_SQL, [[variantId], new Date()]);
  if (!variant) throw new InventoryError("NOT_FOUND", "This item no longer exists", { variantId });
  if (variant.net > 0) throw new InventoryError("CONFLICT", "Good news: this item is back in stock. You can add it to your cart now.", { variantId });
  await runSql(undefined, `
    insert into "BackInStockRequest" ("variantId", "email") values ($1::uuid, $2)
    on conflict ("variantId", "email") do update set "notifiedAt" = null, "createdAt" = now()
    where "BackInStockRequest"."notifiedAt" is not null`, [variantId, email]);
  return { variantId };
}

/*
 * Claims waiting requests of variants that have free units again and writes
 * their notifications in the same statement. The conditional UPDATE on
 * notifiedAt is the exactly-once guard: a concurrent evaluator blocks on the
 * row, then re-checks `notifiedAt is null` and skips it. Emails go out through
 * the oldest enabled EMAIL channel (its transport); with none configured the
 * requests stay waiting and are claimed once a channel exists (the worker's
 * reconciliation re-runs this for every variant).
 * $1 variant ids (null = all), $2 now, $3 store URL.
 */
const BACK_IN_STOCK_SQL = `
with ${VARIANT_NET_CTE},
channel as (
  select c."id" from "AlertChannel" c where c."type" = 'EMAIL' and c."enabled" order by c."createdAt", c."id" limit 1
), claimed as (
  update "BackInStockRequest" b set "notifiedAt" = $2::timestamptz
  from net n, channel c
  where b."variantId" = n."variantId" and n.net > 0 and b."notifiedAt" is null
  returning b."id", b."variantId", b."email"
), queued as (
  insert into "Notification" ("kind", "channelId", "payload")
  select 'BACK_IN_STOCK', c."id", jsonb_build_object(
    'type', 'back_in_stock', 'to', k."email", 'requestId', k."id", 'variantId', k."variantId", 'sku', n."sku",
    'variantTitle', n."title", 'productName', n."productName", 'url', $3::text || '/products/' || n."productSlug", 'at', $2::timestamptz)
  from claimed k join net n on n."variantId" = k."variantId" cross join channel c
  returning 1
)
select (select count(*) from queued)::int as queued`;

/** Queues one back-in-stock email per waiting shopper of each given variant that is available again. */
export async function enqueueBackInStockNotifications(variantIds: string[] | null, { tx, now = new Date() }: { tx?: Tx; now?: Date } = {}): Promise<number> {
  if (variantIds && !variantIds.length) return 0;
  const ids = variantIds ? [...new Set(variantIds)] : null;
  const [row] = await runSql<{ queued: number }>(tx, BACK_IN_STOCK_SQL, [ids, now, env.PUBLIC_BASE_URL.replace(/\/$/, "")]);
  return row?.queued ?? 0;
}
