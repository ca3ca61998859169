import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { getFlashSaleStatus } from "@/lib/inventory/flash-sale";

// What the audit trail compares before and after each kind of admin change:
// the fields a person would ask about, in their own words. Secrets are never
// recorded, only whether they changed (a short fingerprint).

type Snapshot = Record<string, unknown> | null;

export async function variantLabel(variantId: string): Promise<string> {
  const variant = await db.productVariant.findUnique({ where: { id: variantId }, select: { sku: true } });
  return variant?.sku ?? variantId;
}

export async function variantSettingsSnapshot(variantId: string): Promise<Snapshot> {
  const v = await db.productVariant.findUnique({
    where: { id: variantId },
    select: { inventoryPolicy: true, backorderLimit: true, restockDate: true, lowStockAlert: { select: { threshold: true } } },
  });
  return v && { policy: v.inventoryPolicy, backorderLimit: v.backorderLimit, restockDate: v.restockDate, threshold: v.lowStockAlert?.threshold ?? null };
}

export async function safetyStockSnapshot(variantId: string, warehouseId: string): Promise<Snapshot> {
  const level = await db.stockLevel.findUnique({ where: { variantId_warehouseId: { variantId, warehouseId } }, select: { safetyStock: true, warehouse: { select: { code: true } } } });
  return { [`safetyStock@${level?.warehouse.code ?? "?"}`]: level?.safetyStock ?? null };
}

export async function thresholdSnapshot(variantId: string): Promise<Snapshot> {
  const alert = await db.lowStockAlert.findUnique({ where: { variantId }, select: { threshold: true, isActive: true } });
  return { threshold: alert?.threshold ?? null, alertsOn: alert?.isActive ?? null };
}

const fingerprint = (secret: string | null) => (secret ? createHash("sha256").update(secret).digest("hex").slice(0, 8) : null);

export async function channelSnapshot(channelId: string): Promise<Snapshot> {
  const c = await db.alertChannel.findUnique({ where: { id: channelId }, select: { name: true, type: true, target: true, enabled: true, secret: true } });
  return c && { name: c.name, type: c.type, target: c.type === "SLACK" ? fingerprint(c.target) : c.target, enabled: c.enabled, secret: fingerprint(c.secret) };
}

export async function channelLabel(channelId: string): Promise<string> {
  return (await db.alertChannel.findUnique({ where: { id: channelId }, select: { name: true } }))?.name ?? channelId;
}

export async function flashSaleSnapshot(variantId: string): Promise<Snapshot> {
  const status = await getFlashSaleStatus(variantId);
  return { flashSale: status.active ? `on (${status.buckets} buckets)` : "off" };
}

export async function userSnapshot(userId: string): Promise<Snapshot> {
  return db.user.findUnique({ where: { id: userId }, select: { email: true, name: true, role: true } });
}

export async function userLabel(userId: string): Promise<string> {
  return (await db.user.findUnique({ where: { id: userId }, select: { email: true } }))?.email ?? userId;
}
