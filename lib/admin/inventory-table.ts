import { z } from "zod";
import { text } from "@/lib/validation/text";
import { pgPool } from "@/lib/db";
import { env } from "@/lib/env";
import { STATUS_SQL, VARIANT_STOCK_CTE, type VariantStockRow } from "./stock-sql";

export const INVENTORY_PAGE_SIZE = 25;

const SORTS = {
  product: `product_name, title, sku`,
  sku: `sku`,
  available: `available`,
  onHand: `on_hand`,
  reserved: `reserved`,
  committed: `committed`,
  unavailable: `unavailable`,
  incoming: `incoming`,
} as const;
export type InventorySort = keyof typeof SORTS;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/**
 * Query-string parameters of /admin/inventory. Anything malformed falls back
 * to its default instead of failing the page: these come from URLs people edit.
 */
export const inventoryQuerySchema = z.object({
  q: z.preprocess(blankToUndefined, text({ max: 100 }).optional()).catch(undefined),
  warehouse: z.preprocess(blankToUndefined, z.uuid().optional()).catch(undefined),
  status: z.preprocess(blankToUndefined, z.enum(["attention", "low", "out", "backorder", "preorder"]).optional()).catch(undefined),
  sort: z.enum(Object.keys(SORTS) as [InventorySort, ...InventorySort[]]).catch("product"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type InventoryQuery = z.infer<typeof inventoryQuerySchema>;

export function parseInventoryQuery(params: Record<string, string | string[] | undefined>): InventoryQuery {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return inventoryQuerySchema.parse(flat);
}

const STATUS_FILTER: Record<NonNullable<InventoryQuery["status"]>, string> = {
  attention: `available <= threshold`,
  low: `available > 0 and available <= threshold`,
  out: `available = 0`,
  backorder: `policy = 'BACKORDER'`,
  preorder: `policy = 'PREORDER'`,
};

function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export type InventoryPage = { rows: VariantStockRow[]; total: number; page: number; pageCount: number; pageSize: number };

/**
 * One page of the inventory table. Search, filter, sort and paging all happen
 * in one SQL statement (the total comes from a window count), so the cost
 * does not grow with what the browser sees — only with the aggregate.
 */
export async function listInventory(query: InventoryQuery, pageSize = INVENTORY_PAGE_SIZE): Promise<InventoryPage> {
  const where: string[] = [];
  const params: unknown[] = [env.LOW_STOCK_DEFAULT_THRESHOLD, query.warehouse ?? null];
  if (query.q) {
    params.push(`%${escapeLike(query.q)}%`);
    const n = params.length;
    where.push(`(sku ilike $${n} or product_name ilike $${n} or title ilike $${n})`);
  }
  if (query.status) where.push(STATUS_FILTER[query.status]);
  // Sort and direction come from a whitelist (never interpolated from input); id breaks ties for stable paging.
  const order = `${SORTS[query.sort]
    .split(", ")
    .map((column) => `${column} ${query.dir}`)
    .join(", ")}, id`;
  params.push(pageSize, (query.page - 1) * pageSize);
  const { rows } = await pgPool().query<VariantStockRow & { total: number }>(
    `with ${VARIANT_STOCK_CTE}
     select *, ${STATUS_SQL} as status, count(*) over ()::int as total
     from variant_stock ${where.length ? `where ${where.join(" and ")}` : ""}
     order by ${order} limit $${params.length - 1} offset $${params.length}`,
    params,
  );
  const total = rows[0]?.total;
  if (total === undefined && query.page > 1) {
    // Past the last page (an old link, a hand-edited URL): show the last page
    // instead of "Page 99 of 4" over an empty table.
    const pageCount = Math.max(1, Math.ceil((await listInventory({ ...query, page: 1 }, pageSize)).total / pageSize));
    return listInventory({ ...query, page: pageCount }, pageSize);
  }
  return {
    rows: rows.map(({ total: _t, ...row }) => row),
    total: total ?? 0,
    page: query.page,
    pageSize,
    pageCount: Math.max(1, Math.ceil((total ?? 0) / pageSize)),
  };
}
