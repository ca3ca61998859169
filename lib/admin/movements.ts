import { z } from "zod";
import { pgPool } from "@/lib/db";
import { MovementType } from "@/generated/prisma/enums";

export const MOVEMENT_PAGE_SIZE = 25;
export const MOVEMENT_TYPES = Object.values(MovementType);

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const cursor = z.preprocess(blankToUndefined, z.string().regex(/^\d{1,19}$/).optional()).catch(undefined);

/** Filters shared by the history table and the CSV export; malformed values are dropped, not fatal. */
export const movementFilterSchema = z.object({
  variantId: z.preprocess(blankToUndefined, z.uuid().optional()).catch(undefined),
  warehouse: z.preprocess(blankToUndefined, z.uuid().optional()).catch(undefined),
  type: z.preprocess(blankToUndefined, z.enum(MovementType).optional()).catch(undefined),
  /** Keyset cursors: rows older than `before`, or newer than `after` (movement ids). */
  before: cursor,
  after: cursor,
});
export type MovementFilter = z.infer<typeof movementFilterSchema>;

export function parseMovementFilter(params: Record<string, string | string[] | undefined>): MovementFilter {
  return movementFilterSchema.parse(Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
}

export type MovementRow = {
  id: string;
  createdAt: Date;
  variantId: string;
  sku: string;
  productName: string;
  warehouseCode: string;
  type: MovementType;
  quantity: number;
  reservedDelta: number;
  reference: string | null;
  notes: string | null;
  createdBy: string | null;
};

/** Movement rows with their SKU, product and warehouse; add where / order by / limit. */
export const MOVEMENT_SELECT = `select m."id"::text as id, m."createdAt", m."variantId", v."sku", p."name" as "productName",
  w."code" as "warehouseCode", m."type", m."quantity", m."reservedDelta", m."reference", m."notes", m."createdBy"
  from "InventoryMovement" m
  join "ProductVariant" v on v."id" = m."variantId"
  join "Product" p on p."id" = v."productId"
  join "Warehouse" w on w."id" = m."warehouseId"`;

function whereClause(filter: MovementFilter, params: unknown[]): string[] {
  const where: string[] = [];
  const add = (sql: (n: number) => string, value: unknown) => {
    params.push(value);
    where.push(sql(params.length));
  };
  if (filter.variantId) add((n) => `m."variantId" = $${n}::uuid`, filter.variantId);
  if (filter.warehouse) add((n) => `m."warehouseId" = $${n}::uuid`, filter.warehouse);
  if (filter.type) add((n) => `m."type" = $${n}::"MovementType"`, filter.type);
  return where;
}

export type MovementPage = { rows: MovementRow[]; olderCursor: string | null; newerCursor: string | null };

/**
 * Newest first, keyset-paginated on the movement id (cursor pagination stays
 * fast however deep the history goes; offsets would not).
 */
export async function listMovements(filter: MovementFilter, pageSize = MOVEMENT_PAGE_SIZE): Promise<MovementPage> {
  const params: unknown[] = [];
  const where = whereClause(filter, params);
  const backwards = Boolean(filter.after) && !filter.before;
  if (filter.before) where.push(`m."id" < ${(params.push(filter.before), `$${params.length}`)}::bigint`);
  else if (filter.after) where.push(`m."id" > ${(params.push(filter.after), `$${params.length}`)}::bigint`);
  params.push(pageSize + 1);
  const { rows } = await pgPool().query<MovementRow>(
    `${MOVEMENT_SELECT} ${where.length ? `where ${where.join(" and ")}` : ""}
     order by m."id" ${backwards ? "asc" : "desc"} limit $${params.length}`,
    params,
  );
  const more = rows.length > pageSize;
  const page = rows.slice(0, pageSize);
  if (backwards) page.reverse();
  const first = page[0]?.id ?? null;
  const last = page.at(-1)?.id ?? null;
  return {
    rows: page,
    // Older rows exist after a forward page that overflowed, or whenever we came back from older pages.
    olderCursor: (backwards ? true : more) && last ? last : null,
    newerCursor: (backwards ? more : Boolean(filter.before)) && first ? first : null,
  };
}

/** Every matching movement, oldest first, fetched in keyset batches so memory stays flat for any size. */
export async function* iterateMovements(filter: MovementFilter, batchSize = 1_000): AsyncGenerator<MovementRow[]> {
  let afterId = "0";
  for (;;) {
    const params: unknown[] = [];
    const where = whereClause({ ...filter, before: undefined, after: undefined }, params);
    params.push(afterId, batchSize);
    where.push(`m."id" > $${params.length - 1}::bigint`);
    const { rows } = await pgPool().query<MovementRow>(
      `${MOVEMENT_SELECT} where ${where.join(" and ")} order by m."id" asc limit $${params.length}`,
      params,
    );
    if (rows.length) yield rows;
    if (rows.length < batchSize) return;
    afterId = rows.at(-1)!.id;
  }
}
