import { z } from "zod";
import { pgPool } from "@/lib/db";
import type { OrderStatus } from "@/generated/prisma/enums";
import { orderNumberSchema } from "@/lib/validation/orders";
import { text } from "@/lib/validation/text";

export const ORDER_PAGE_SIZE = 25;
/** The list says "1,000+ orders" past this: counting every match of a broad filter would scan the whole table. */
export const ORDER_COUNT_CAP = 1_000;
export const ORDER_STATUSES = ["PLACED", "PARTIALLY_FULFILLED", "FULFILLED", "CANCELLED"] as const satisfies readonly OrderStatus[];

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const day = z.preprocess(blank, z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`))).optional()).catch(undefined);
/** Keyset cursor: the row's createdAt (ISO, milliseconds) and id. */
const cursor = z.preprocess(blank, z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z_[0-9a-f-]{36}$/i).optional()).catch(undefined);

/**
 * Query-string parameters of /admin/orders. Malformed values fall back to
 * "no filter" instead of failing the page: these come from URLs people edit.
 * Dates are whole UTC days; `to` is inclusive.
 */
export const orderQuerySchema = z.object({
  q: z.preprocess(blank, text({ max: 200 }).optional()).catch(undefined),
  status: z.preprocess(blank, z.enum(ORDER_STATUSES).optional()).catch(undefined),
  from: day,
  to: day,
  before: cursor,
  after: cursor,
});
export type OrderQuery = z.infer<typeof orderQuerySchema>;

export function parseOrderQuery(params: Record<string, string | string[] | undefined>): OrderQuery {
  return orderQuerySchema.parse(Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
}

/** "SR-10042", "sr10042" or "10042" → 10042 (the lookup form's rule); anything else is searched as (part of) an email. */
export function orderNumberFrom(term: string): number | null {
  const parsed = orderNumberSchema.safeParse(term);
  return parsed.success ? parsed.data : null;
}

export type OrderListRow = {
  id: string; number: number; status: OrderStatus; email: string; name: string; subtotalCents: number; createdAt: Date;
  units: number; backordered: number; fulfilled: number; cancelled: number; returned: number;
};
export type OrderListPage = { rows: OrderListRow[]; total: number; totalCapped: boolean; olderCursor: string | null; newerCursor: string | null };

const escapeLike = (term: string) => term.replace(/[\\%_]/g, (c) => `\\${c}`);
const cursorOf = (row: { createdAt: Date; id: string }) => `${row.createdAt.toISOString()}_${row.id}`;
const splitCursor = (c: string) => [c.slice(0, 24), c.slice(25)] as const;

function filters(query: OrderQuery, params: unknown[]): string[] {
  const where: string[] = [];
  const add = (sql: (n: number) => string, value: unknown) => where.push(sql(params.push(value)));
  if (query.status) add((n) => `o."status" = $${n}::"OrderStatus"`, query.status);
  if (query.from) add((n) => `o."createdAt" >= ($${n}::date)::timestamp at time zone 'UTC'`, query.from);
  if (query.to) add((n) => `o."createdAt" < ($${n}::date + 1)::timestamp at time zone 'UTC'`, query.to);
  if (query.q) {
    const number = orderNumberFrom(query.q);
    if (number !== null) add((n) => `o."number" = $${n}::int`, number);
    else add((n) => `o."email" ilike $${n}`, `%${escapeLike(query.q)}%`);
  }
  return where;
}

/**
 * One page of orders, newest first, keyset-paged on (createdAt, id) so a deep
 * page costs what the first does; only the rows shown are read (plus one to
 * know whether more exist), and the count stops at ORDER_COUNT_CAP.
 */
export async function listOrders(query: OrderQuery, pageSize = ORDER_PAGE_SIZE): Promise<OrderListPage> {
  const params: unknown[] = [];
  const where = filters(query, params);
  const countParams = [...params];
  const countWhere = [...where];
  const backwards = Boolean(query.after) && !query.before;
  const edge = query.before ?? query.after;
  if (edge) {
    const [at, id] = splitCursor(edge);
    const a = params.push(at), b = params.push(id);
    where.push(`(o."createdAt", o."id") ${backwards ? ">" : "<"} ($${a}::timestamptz, $${b}::uuid)`);
  }
  const limit = params.push(pageSize + 1);
  const dir = backwards ? "asc" : "desc";
  const pool = pgPool();
  const [list, count] = await Promise.all([
    pool.query<OrderListRow>(
      `select o."id", o."number", o."status", o."email", o."name", o."subtotalCents", o."createdAt",
         t.units, t.backordered, t.fulfilled, t.cancelled, t.returned
       from "Order" o
       cross join lateral (select coalesce(sum(l."quantity"), 0)::int as units, coalesce(sum(l."backorderedQuantity"), 0)::int as backordered,
           coalesce(sum(l."fulfilledQuantity"), 0)::int as fulfilled, coalesce(sum(l."cancelledQuantity"), 0)::int as cancelled,
           coalesce(sum(l."returnedQuantity"), 0)::int as returned
         from "OrderLine" l where l."orderId" = o."id") t
       ${where.length ? `where ${where.join(" and ")}` : ""}
       order by o."createdAt" ${dir}, o."id" ${dir} limit $${limit}`,
      params,
    ),
    pool.query<{ n: number }>(
      `select count(*)::int as n from (select 1 from "Order" o ${countWhere.length ? `where ${countWhere.join(" and ")}` : ""} limit ${ORDER_COUNT_CAP + 1}) m`,
      countParams,
    ),
  ]);
  const more = list.rows.length > pageSize;
  const rows = list.rows.slice(0, pageSize);
  if (backwards) rows.reverse();
  const first = rows[0], last = rows.at(-1);
  const total = count.rows[0]?.n ?? 0;
  return {
    rows,
    total: Math.min(total, ORDER_COUNT_CAP),
    totalCapped: total > ORDER_COUNT_CAP,
    olderCursor: (backwards || more) && last ? cursorOf(last) : null,
    newerCursor: (backwards ? more : Boolean(query.before)) && first ? cursorOf(first) : null,
  };
}
