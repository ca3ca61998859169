// Demo data: `npm run db:seed` (or `npx tsx prisma/seed.ts`), also run by `npm start`.
// Idempotent (does nothing once warehouse MAIN exists) and deterministic: the same
// PRNG seed and fixed base date give the same catalogue, stock and ledger every time.
// Stock levels are built from their movements so the ledger invariant holds:
// onHand = Σ quantity, reserved = Σ reservedDelta (no reservations are seeded).
import { PrismaPg } from "@prisma/adapter-pg";
import bcrypt from "bcryptjs";
import { Prisma, PrismaClient, type MovementType } from "../generated/prisma/client";
import * as data from "./seed-data";
import { buildDemoOrders } from "./seed-orders";

const BASE = new Date("2026-11-01T09:00:00Z").getTime();
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

type Rng = { next: () => number; int: (min: number, max: number) => number; pick: <T>(xs: readonly T[]) => T; chance: (p: number) => boolean };

/** mulberry32: tiny, fast, good enough for demo data. */
function makeRng(seed: number): Rng {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return { next, int, pick: (xs) => xs[int(0, xs.length - 1)]!, chance: (p) => next() < p };
}

/** A deterministic UUID (v4 layout) so rows can reference each other before insert. */
function makeUuid(rng: Rng): () => string {
  return () => {
    const h = Array.from({ length: 32 }, () => rng.int(0, 15).toString(16));
    h[12] = "4";
    h[16] = (8 + rng.int(0, 3)).toString(16);
    const s = h.join("");
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  };
}

type Level = Prisma.StockLevelCreateManyInput & { onHand: number; sold: number; lastAt: number };
type Draft = Omit<Prisma.InventoryMovementCreateManyInput, "createdAt"> & { at: number; group?: string };
type Profile = "normal" | "low" | "out" | "preorder" | "backorder";

/** Builds every row in memory; no I/O, so the result depends only on the seeds. */
export function buildSeedPlan() {
  const rng = makeRng(20261101);
  const uuid = makeUuid(makeRng(0x5eed));
  const [main, east] = data.WAREHOUSES.map((w) => ({ id: uuid(), ...w }));
  if (!main || !east) throw new Error("two warehouses expected");

  const products: Prisma.ProductCreateManyInput[] = [];
  const variants: Prisma.ProductVariantCreateManyInput[] = [];
  data.CATALOGUE.forEach((def, i) => {
    const productId = uuid();
    const createdAt = new Date(BASE - 60 * DAY + i * 7 * MINUTE);
    products.push({ id: productId, slug: def.slug, name: def.name, description: def.description, category: def.category,
      priceCents: def.priceCents, imageUrl: `/products/${def.slug}.svg`, createdAt, updatedAt: createdAt });
    const combos = def.sizes
      ? (def.colours ?? [undefined]).flatMap((colour) => def.sizes!.map((size) => ({ colour, size })))
      : [{ colour: undefined, size: undefined }];
    combos.forEach(({ colour, size }, position) => {
      const shoe = !colour && size;
      const sku = !size ? def.sku! : [def.skuPrefix, colour?.code, size].filter(Boolean).join("-");
      const options = !size ? {} : colour ? { size, color: colour.name } : { size };
      const title = !size ? "Default" : shoe ? `EU ${size}` : `${colour!.name} / ${size}`;
      const special = sku === data.PREORDER_SKU ? "PREORDER" : sku === data.BACKORDER_SKU ? "BACKORDER" : null;
      variants.push({ id: uuid(), productId, sku, title, options, position, createdAt,
        priceCents: size ? (def.sizePrices?.[size] ?? null) : null,
        inventoryPolicy: special ?? "DENY",
        backorderLimit: special === "PREORDER" ? 50 : special === "BACKORDER" ? 20 : 0,
        restockDate: special === "PREORDER" ? data.PREORDER_RESTOCK : special === "BACKORDER" ? data.BACKORDER_RESTOCK : null });
    });
  });

  // Which variants end up low (1–4 units in total) or sold out.
  const profile = new Map<string, Profile>(variants.map((v) => [v.id!, "normal"]));
  for (const v of variants) {
    if (v.inventoryPolicy === "PREORDER") profile.set(v.id!, "preorder");
    if (v.inventoryPolicy === "BACKORDER") profile.set(v.id!, "backorder");
  }
  const shuffled = shuffle(rng, variants.filter((v) => profile.get(v.id!) === "normal").map((v) => v.id!));
  shuffled.slice(0, 5).forEach((id) => profile.set(id, "out"));
  shuffled.slice(5, 15).forEach((id) => profile.set(id, "low"));

  // Each product is received in one purchase order per warehouse, 28–38 days back.
  const poAt = new Map<string, number>();
  for (const p of products) for (const w of [main, east]) poAt.set(`${p.id}:${w.code}`, BASE - rng.int(28, 37) * DAY - rng.int(0, 8 * 60) * MINUTE);
  const minutesBack = (fromDay: number, toDay: number) => BASE - rng.int(fromDay, toDay) * DAY - rng.int(0, 23 * 60) * MINUTE;

  const levels: Level[] = [];
  const drafts: Draft[] = [];
  const move = (l: Level, type: MovementType, quantity: number, at: number, notes: string, group?: string) => {
    l.onHand += quantity;
    if (l.onHand < 0) throw new Error(`seed bug: negative stock for ${l.variantId}`);
    if (type === "SALE" || type === "RETURN") l.sold -= quantity;
    l.lastAt = Math.max(l.lastAt, at);
    const createdBy = type === "SALE" || type === "RETURN" ? "seed" : data.ADMIN_EMAIL;
    drafts.push({ variantId: l.variantId, warehouseId: l.warehouseId, type, quantity, reservedDelta: 0, notes, createdBy, at, group });
  };

  for (const v of variants) {
    const kind = profile.get(v.id!)!;
    const scarce = kind !== "normal";
    const here: Level[] = [main, ...(kind !== "preorder" && rng.chance(0.5) ? [east] : [])].map((w) => ({
      id: uuid(), variantId: v.id!, warehouseId: w.id, onHand: 0, reserved: 0, backordered: 0, sold: 0, lastAt: BASE - 40 * DAY,
      safetyStock: rng.chance(0.3) ? rng.int(1, 2) : 0,
      incoming: kind === "preorder" ? 50 : kind === "backorder" ? 24 : rng.chance(scarce ? 0.6 : 0.1) ? 6 * rng.int(2, 8) : 0,
    }));
    levels.push(...here);
    if (kind === "preorder") continue; // not released yet: no stock, no ledger rows

    here.forEach((l, i) => {
      const code = i === 0 ? "MAIN" : "EAST";
      const qty = scarce ? rng.int(6, 16) : i === 0 ? rng.int(24, 80) : rng.int(12, 40);
      move(l, "PURCHASE_ORDER", qty, poAt.get(`${v.productId}:${code}`)!, rng.pick(data.NOTES.PURCHASE_ORDER), `PO:${v.productId}:${code}`);
    });

    // A few ordinary events over the following weeks (4–26 days back), never below zero.
    const times = Array.from({ length: rng.int(2, 5) }, () => minutesBack(4, 26)).sort((a, b) => a - b);
    for (const at of times) {
      const l = rng.pick(here);
      const r = rng.next();
      if (r < 0.12 && here.length === 2) {
        const [from, to] = here[0]!.onHand >= here[1]!.onHand ? [here[0]!, here[1]!] : [here[1]!, here[0]!];
        const q = Math.min(rng.int(2, 8), from.onHand);
        if (q <= 0) continue;
        const group = `TR:${v.id}:${at}`;
        const [fromCode, toCode] = from === here[0] ? ["MAIN", "EAST"] : ["EAST", "MAIN"];
        move(from, "TRANSFER", -q, at, `Transfer to ${toCode}`, group);
        move(to, "TRANSFER", q, at, `Transfer from ${fromCode}`, group);
      } else if (r < 0.22 && l.sold > 0) {
        move(l, "RETURN", Math.min(l.sold, rng.int(1, 2)), at, rng.pick(data.NOTES.RETURN), `RMA:${at}`);
      } else if (r < 0.3 && l.onHand > 0) {
        move(l, "DAMAGE", -1, at, rng.pick(data.NOTES.DAMAGE));
      } else if (r < 0.4) {
        const q = Math.max(-l.onHand, rng.pick([-2, -1, 1, 2, 3]));
        if (q !== 0) move(l, "ADJUSTMENT", q, at, rng.pick(q > 0 ? data.NOTES.ADJUST_UP : data.NOTES.ADJUST_DOWN));
      } else {
        const wholesale = !scarce && rng.chance(0.1);
        const q = Math.min(l.onHand, wholesale ? rng.int(5, 12) : rng.int(1, 4));
        if (q > 0) move(l, "SALE", -q, at, rng.pick(wholesale ? data.NOTES.WHOLESALE : data.NOTES.SALE), `SO:${at}`);
      }
    }

    // Scarce variants sell down in the last three days to their target.
    if (!scarce) continue;
    const total = kind === "low" ? rng.int(1, 4) : 0;
    const keepIn = here.length === 2 && rng.chance(0.3) ? 1 : 0;
    here.forEach((l, i) => {
      const target = i === keepIn ? total : 0;
      if (l.onHand < target) move(l, "ADJUSTMENT", target - l.onHand, minutesBack(3, 3), data.NOTES.ADJUST_UP[0]!);
      const sales: number[] = [];
      for (let left = l.onHand - target; left > 0; left -= sales[sales.length - 1]!) sales.push(Math.min(left, rng.int(1, 5)));
      const at = sales.map(() => minutesBack(0, 2)).sort((a, b) => a - b);
      sales.forEach((q, k) => move(l, "SALE", -q, at[k]!, rng.pick(data.NOTES.SALE), `SO:${at[k]}`));
    });
  }

  // Recent orders on well-stocked variants (their own PRNG, so the catalogue above does not change).
  const stocked = variants.filter((v) => profile.get(v.id!) === "normal" && levels.some((l) => l.variantId === v.id && l.onHand >= 12));
  const priceOf = (v: (typeof variants)[number]) => v.priceCents ?? products.find((p) => p.id === v.productId)!.priceCents;
  const demo = buildDemoOrders({
    rng: makeRng(0x0de5), uuid: makeUuid(makeRng(0x0de6)), now: BASE + 30 * DAY, actor: data.ADMIN_EMAIL, levels, drafts: drafts as never,
    candidates: stocked.slice(0, 40).map((v) => ({ id: v.id!, priceCents: priceOf(v) })),
  });

  // Chronological ledger; document numbers are handed out in date order.
  drafts.sort((a, b) => a.at - b.at);
  const counters = new Map<string, number>();
  const refs = new Map<string, string>();
  const prefixes: Record<string, string> = { PO: "PO-2026-", SO: "SO-2026-", RMA: "RMA-2026-", TR: "TR-2026-" };
  const movements: Prisma.InventoryMovementCreateManyInput[] = drafts.map(({ at, group, ...m }) => {
    let reference: string | null = m.reference ?? null;
    if (group) {
      const kind = group.split(":")[0]!;
      if (!refs.has(group)) {
        counters.set(kind, (counters.get(kind) ?? 0) + 1);
        refs.set(group, `${prefixes[kind]}${String(counters.get(kind)).padStart(4, "0")}`);
      }
      reference = refs.get(group)!;
    }
    return { ...m, reference, createdAt: new Date(at) };
  });

  const stockLevels: Prisma.StockLevelCreateManyInput[] = levels.map(({ sold: _sold, lastAt, ...l }) => ({
    ...l, updatedAt: new Date(lastAt),
  }));

  const total = (id: string) => levels.filter((l) => l.variantId === id).reduce((s, l) => s + l.onHand, 0);
  const watched = [...variants.filter((v) => profile.get(v.id!) !== "normal"), ...shuffle(rng, variants.filter((v) => profile.get(v.id!) === "normal")).slice(0, 14)];
  const lowStockAlerts: Prisma.LowStockAlertCreateManyInput[] = watched.map((v) => ({
    id: uuid(), variantId: v.id!, threshold: total(v.id!) > 0 && total(v.id!) < 5 ? 10 : rng.pick([5, 10]), isActive: true,
  }));

  return { warehouses: [main, east], products, variants, stockLevels, movements, lowStockAlerts, ...demo };
}

function shuffle<T>(rng: Rng, xs: T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export async function seedDatabase(db: PrismaClient, log: (msg: string) => void = () => {}): Promise<{ created: boolean }> {
  if (await db.warehouse.findUnique({ where: { code: "MAIN" }, select: { id: true } })) {
    log("catalogue already seeded (warehouse MAIN exists); nothing written");
    return { created: false };
  }
  const plan = buildSeedPlan();
  const users = await Promise.all(data.USERS.map(async ({ password, ...u }) => ({ ...u, passwordHash: await bcrypt.hash(password, 10) })));
  try {
    await db.$transaction(async (tx) => {
      await tx.warehouse.createMany({ data: plan.warehouses });
      await tx.user.createMany({ data: users });
      await tx.product.createMany({ data: plan.products });
      await tx.productVariant.createMany({ data: plan.variants });
      await tx.stockLevel.createMany({ data: plan.stockLevels });
      await tx.inventoryMovement.createMany({ data: plan.movements });
      await tx.lowStockAlert.createMany({ data: plan.lowStockAlerts });
      // One by one, oldest first: each takes the next order number from the sequence.
      for (const order of plan.orders) await tx.order.create({ data: order });
      await tx.orderLine.createMany({ data: plan.orderLines });
      await tx.orderEvent.createMany({ data: plan.orderEvents });
      await tx.alertChannel.create({ data: data.ALERT_CHANNEL });
    }, { timeout: 60_000 });
  } catch (error) {
    // Another process seeded concurrently: its transaction won the unique warehouse code.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      log("catalogue was seeded concurrently by another process; nothing written");
      return { created: false };
    }
    throw error;
  }
  log(`seeded ${plan.warehouses.length} warehouses, ${users.length} users, ${plan.products.length} products, ` +
    `${plan.variants.length} variants, ${plan.stockLevels.length} stock levels, ${plan.movements.length} movements, ` +
    `${plan.lowStockAlerts.length} low-stock alerts, ${plan.orders.length} orders, 1 alert channel`);
  return { created: true };
}

if (require.main === module) {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL }) });
  seedDatabase(db, (msg) => console.log(msg))
    .then(async () => {
      await db.$disconnect();
      process.exit(0);
    })
    .catch(async (error: unknown) => {
      console.error("seed failed:", error instanceof Error ? error.message : error);
      await db.$disconnect().catch(() => {});
      process.exit(1);
    });
}
