import type { SessionUser } from "@/lib/auth/roles";
import { db } from "@/lib/db";

export const opsUser: SessionUser = { id: "00000000-0000-4000-8000-000000000001", email: "ops@stockroom.test", name: "Ops", role: "OPS" };

/** A CSV as the byte stream an upload arrives as, in chunks of `chunkSize` bytes. */
export async function* csvSource(text: string | Buffer, chunkSize = 64 * 1024): AsyncIterable<Uint8Array> {
  const bytes = typeof text === "string" ? Buffer.from(text, "utf8") : text;
  for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
}

export function csv(lines: string[]): string {
  return `${lines.join("\n")}\n`;
}

export async function onHand(variantId: string, warehouseId: string): Promise<number> {
  const level = await db.stockLevel.findUniqueOrThrow({ where: { variantId_warehouseId: { variantId, warehouseId } }, select: { onHand: true } });
  return level.onHand;
}

export async function counts() {
  const [movements, uploads] = await Promise.all([db.inventoryMovement.count(), db.bulkUpload.count()]);
  return { movements, uploads };
}
