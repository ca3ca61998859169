import { randomBytes } from "node:crypto";
import { afterAll, beforeEach } from "@jest/globals";
import { db } from "@/lib/db";
import type { InventoryPolicy } from "@/generated/prisma/enums";
import { receiveStock, reserveStock } from "@/lib/inventory";
import { closeConnections, truncateAll } from "./db";

let counter = 0;

export function sessionId(): string {
  return randomBytes(18).toString("base64url");
}

export async function createWarehouses() {
  const main = await db.warehouse.create({ data: { code: "MAIN", name: "Main", priority: 0 } });
  const east = await db.warehouse.create({ data: { code: "EAST", name: "East", priority: 1 } });
  return { main, east };
}

type VariantFixture = {
  stock?: Record<string, number>;
  policy?: InventoryPolicy;
  backorderLimit?: number;
  priceCents?: number;
  safetyStock?: number;
};

/** A product with one variant, stocked through receiveStock so the ledger is real. */
export async function createStockedVariant(warehouses: { id: string; code: string }[], fixture: VariantFixture = {}) {
  counter += 1;
  const product = await db.product.create({
    data: {
      slug: `product-${counter}-${randomBytes(3).toString("hex")}`,
      name: `Product ${counter}`,
      description: "Test product",
      category: "test",
      priceCents: fixture.priceCents ?? 2_500,
      imageUrl: "/products/placeholder.svg",
      variants: {
        create: {
          sku: `SKU-${counter}-${randomBytes(3).toString("hex")}`,
          title: "Default",
          inventoryPolicy: fixture.policy ?? "DENY",
          backorderLimit: fixture.backorderLimit ?? 0,
        },
      },
    },
    select: { id: true, variants: { select: { id: true, sku: true } } },
  });
  const variant = product.variants[0]!;
  for (const warehouse of warehouses) {
    const quantity = fixture.stock?.[warehouse.code] ?? 0;
    await db.stockLevel.create({ data: { variantId: variant.id, warehouseId: warehouse.id, safetyStock: fixture.safetyStock ?? 0 } });
    if (quantity > 0) {
      await receiveStock({ variantId: variant.id, warehouseId: warehouse.id, quantity, reference: "PO-TEST", actor: "test" });
    }
  }
  return { productId: product.id, variantId: variant.id, sku: variant.sku };
}

/** What the storefront does on "add to cart": a hold and the cart line (checkout sells only variants with a line). */
export async function putInCart(input: { variantId: string; sessionId: string; quantity: number }) {
  const held = await reserveStock(input);
  await db.cartLine.upsert({
    where: { sessionId_variantId: { sessionId: input.sessionId, variantId: input.variantId } },
    create: { sessionId: input.sessionId, variantId: input.variantId, quantity: input.quantity },
    update: { quantity: input.quantity },
  });
  return held;
}

export async function expireHolds(sessionIdValue: string) {
  await db.stockReservation.updateMany({ where: { sessionId: sessionIdValue }, data: { expiresAt: new Date(Date.now() - 1_000) } });
}

/** An action caller: a shopper with a fixed cart session (or none), and optionally a signed-in user. */
export function callerContext(options: { cart?: string | null; user?: import("@/lib/auth/roles").SessionUser | null } = {}) {
  const cart = options.cart === undefined ? sessionId() : options.cart;
  const revalidated: string[] = [];
  return {
    cart,
    revalidated,
    context: {
      user: async () => options.user ?? null,
      cartSessionId: async () => cart,
      revalidatePath: (path: string) => void revalidated.push(path),
    },
  };
}

export type Warehouses = Awaited<ReturnType<typeof createWarehouses>>;

/**
 * The usual integration-test frame: before each test every table is emptied
 * and MAIN and EAST warehouses are created (filled into the returned object in
 * place); connections close after the file.
 */
export function freshWarehousesPerTest(): Warehouses {
  const warehouses = {} as Warehouses;
  beforeEach(async () => {
    await truncateAll();
    Object.assign(warehouses, await createWarehouses());
  });
  afterAll(closeConnections);
  return warehouses;
}
