import { z } from "zod";
import { db } from "@/lib/db";
import type { ChannelType, NotificationKind, NotificationStatus } from "@/generated/prisma/enums";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { processOutboxBatch, type OutboxOptions } from "@/lib/outbox/worker";
import { idSchema } from "@/lib/validation/inventory";

export type NotificationView = {
  id: string; kind: NotificationKind; status: NotificationStatus; attempts: number; lastError: string | null;
  createdAt: Date; deliveredAt: Date | null; nextAttemptAt: Date; channelName: string; channelType: ChannelType; summary: string;
};

const HISTORY_PAGE = 50;

function summarize(kind: NotificationKind, payload: unknown): string {
  const p = (payload ?? {}) as Record<string, unknown>;
  if (kind === "LOW_STOCK") return `${String(p.productName ?? "")} (${String(p.sku ?? "")}): ${String(p.available ?? "?")} left, threshold ${String(p.threshold ?? "?")}`;
  if (kind === "BACK_IN_STOCK") return `${String(p.sku ?? "")} back in stock → waiting shopper`;
  if (kind === "ORDER_CONFIRMED" || kind === "ORDER_SHIPPED" || kind === "ORDER_CANCELLED") {
    return `${String(p.orderNumber ?? "")} ${kind.slice(6).toLowerCase()} → customer`;
  }
  return "Test message";
}

/** Newest first; cursor = the last id of the previous page. Shopper addresses are never listed. */
export async function listNotifications({ status, cursor }: { status?: NotificationStatus; cursor?: string } = {}) {
  const [rows, counts] = await Promise.all([
    db.notification.findMany({
      where: status ? { status } : {},
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: HISTORY_PAGE + 1,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: {
        id: true, kind: true, status: true, attempts: true, lastError: true, createdAt: true, deliveredAt: true, nextAttemptAt: true,
        payload: true, channel: { select: { name: true, type: true } },
      },
    }),
    db.notification.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  const items: NotificationView[] = rows.slice(0, HISTORY_PAGE).map(({ payload, channel, ...n }) => ({
    ...n, channelName: channel.name, channelType: channel.type, summary: summarize(n.kind, payload),
  }));
  const byStatus: Record<NotificationStatus, number> = { PENDING: 0, DELIVERED: 0, DEAD: 0 };
  for (const c of counts) byStatus[c.status] = c._count._all;
  return { items, nextCursor: rows.length > HISTORY_PAGE ? items[items.length - 1]!.id : null, byStatus };
}

async function outcome(id: string) {
  const n = await db.notification.findUniqueOrThrow({ where: { id }, select: { id: true, status: true, lastError: true, attempts: true } });
  return n;
}

export const notificationIdSchema = z.object({ id: idSchema });
export const channelIdSchema = z.object({ channelId: idSchema });

/** Queues a TEST notification on the channel and tries to deliver it right away (same outbox path as alerts). */
export async function sendTestNotification(input: z.input<typeof channelIdSchema>, options: OutboxOptions = {}) {
  const { channelId } = parseInput(channelIdSchema, input);
  const channel = await db.alertChannel.findUnique({ where: { id: channelId }, select: { name: true } });
  if (!channel) throw new NotFoundError("This channel no longer exists");
  const n = await db.notification.create({
    data: { kind: "TEST", channelId, payload: { type: "test", channelName: channel.name, at: new Date().toISOString() } },
    select: { id: true },
  });
  await processOutboxBatch({ ...options, ids: [n.id] });
  return outcome(n.id);
}

/** Gives a dead letter a fresh set of attempts and tries it once now. */
export async function retryNotification(input: z.input<typeof notificationIdSchema>, options: OutboxOptions = {}) {
  const { id } = parseInput(notificationIdSchema, input);
  const reset = await db.notification.updateMany({ where: { id, status: "DEAD" }, data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date() } });
  if (!reset.count) throw new ConflictError("Only dead notifications can be retried (it may have been retried already)");
  await processOutboxBatch({ ...options, ids: [id] });
  return outcome(id);
}
