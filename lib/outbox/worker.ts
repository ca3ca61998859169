import type { ChannelType, NotificationKind } from "@/generated/prisma/enums";
import { pgPool } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { retryDelayMs } from "./backoff";
import { defaultDeliverers, type Deliverer, type OutgoingNotification } from "./channels";
import type { NotificationPayload } from "./messages";

export type OutboxOptions = {
  /** Injectable clock: tests move time instead of sleeping. */
  now?: () => Date;
  random?: () => number;
  maxAttempts?: number;
  backoffBaseMs?: number;
  /** How long a claimed notification stays invisible to other workers while it is being delivered. */
  leaseMs?: number;
  batchSize?: number;
  deliverers?: Partial<Record<ChannelType, Deliverer>>;
  /** Only these notifications (the admin's "send test" / "retry" delivers its own row at once). */
  ids?: string[];
};

export type BatchResult = { claimed: number; delivered: number; retried: number; dead: number };

type ClaimedRow = {
  id: string; kind: NotificationKind; payload: NotificationPayload; createdAt: Date; attempts: number;
  channelId: string; type: ChannelType; name: string; target: string; secret: string | null; enabled: boolean;
};

/*
 * Claim = lock due rows with FOR UPDATE SKIP LOCKED (concurrent workers take
 * disjoint rows, never wait on each other), count the attempt and push
 * nextAttemptAt forward by a lease, then commit at once: delivery happens
 * outside any transaction, and other workers ignore the row until the lease
 * ends. A worker that dies mid-delivery therefore delays the row by one lease
 * (then it is retried: at-least-once, receivers dedupe on the notification id)
 * and a delivered row is never claimed again (status leaves PENDING).
 */
const CLAIM_SQL = `
with due as (
  select n."id" from "Notification" n
  where n."status" = 'PENDING' and n."nextAttemptAt" <= $1 and ($3::uuid[] is null or n."id" = any($3::uuid[]))
  order by n."nextAttemptAt", n."id"
  limit $2
  for update skip locked
)
update "Notification" n set "attempts" = n."attempts" + 1, "nextAttemptAt" = $1::timestamptz + make_interval(secs => $4::float8 / 1000)
from due, "AlertChannel" c
where n."id" = due."id" and c."id" = n."channelId"
returning n."id", n."kind", n."payload", n."createdAt", n."attempts", n."channelId", c."type", c."name", c."target", c."secret", c."enabled"`;

const MAX_ERROR_LENGTH = 500;

function errorText(error: unknown): string {
  const text = error instanceof Error ? `${error.message}${error.cause ? ` (${String(error.cause)})` : ""}` : String(error);
  return text.slice(0, MAX_ERROR_LENGTH);
}

/** One pass: claim due notifications, deliver them in parallel, record each outcome. */
export async function processOutboxBatch(options: OutboxOptions = {}): Promise<BatchResult> {
  const now = (options.now ?? (() => new Date()))();
  const maxAttempts = options.maxAttempts ?? env.OUTBOX_MAX_ATTEMPTS;
  const deliverers = { ...defaultDeliverers(), ...options.deliverers };
  const { rows } = await pgPool().query<ClaimedRow>(CLAIM_SQL, [now, options.batchSize ?? 20, options.ids ?? null, options.leaseMs ?? 60_000]);
  const result: BatchResult = { claimed: rows.length, delivered: 0, retried: 0, dead: 0 };
  await Promise.all(
    rows.map(async (row) => {
      const notification: OutgoingNotification = {
        id: row.id, kind: row.kind, payload: row.payload, createdAt: row.createdAt,
        channel: { id: row.channelId, type: row.type, name: row.name, target: row.target, secret: row.secret },
      };
      try {
        if (!row.enabled) throw new Error("channel is disabled");
        await deliverers[row.type](notification, { now });
        await pgPool().query(
          `update "Notification" set "status" = 'DELIVERED', "deliveredAt" = $2, "lastError" = null where "id" = $1 and "status" = 'PENDING'`,
          [row.id, now],
        );
        result.delivered += 1;
      } catch (error) {
        const dead = row.attempts >= maxAttempts;
        const delay = retryDelayMs(row.attempts, { baseMs: options.backoffBaseMs ?? env.OUTBOX_BACKOFF_BASE_SECONDS * 1_000, random: options.random });
        await pgPool().query(
          `update "Notification" set "status" = $2::"NotificationStatus", "nextAttemptAt" = $3, "lastError" = $4 where "id" = $1 and "status" = 'PENDING'`,
          [row.id, dead ? "DEAD" : "PENDING", new Date(now.getTime() + (dead ? 0 : delay)), errorText(error)],
        );
        if (dead) result.dead += 1;
        else result.retried += 1;
        logger.warn(dead ? "notification dead-lettered" : "notification delivery failed, will retry", {
          id: row.id, channel: row.name, attempts: row.attempts, error: errorText(error),
        });
      }
    }),
  );
  return result;
}
