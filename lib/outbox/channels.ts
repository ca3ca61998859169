import nodemailer, { type Transporter } from "nodemailer";
import type { ChannelType, NotificationKind } from "@/generated/prisma/enums";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { subjectFor, textFor, type NotificationPayload } from "./messages";
import { SIGNATURE_HEADERS, signWebhook } from "./signature";

export type OutgoingNotification = {
  id: string;
  kind: NotificationKind;
  payload: NotificationPayload;
  createdAt: Date;
  channel: { id: string; type: ChannelType; name: string; target: string; secret: string | null };
};

/** Delivers one notification or throws; the worker turns throws into retries. */
export type Deliverer = (notification: OutgoingNotification, context: { now: Date }) => Promise<void>;

const HTTP_TIMEOUT_MS = 10_000;

async function post(url: string, body: string, headers: Record<string, string>): Promise<void> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "user-agent": "Stockroom-Outbox/1", ...headers },
    body,
    signal: AbortSignal.timeout(HTTP_TIMEOUT_MS),
    redirect: "error",
  });
  // Drain the body so the connection can be reused, but never trust its size.
  await response.arrayBuffer().catch(() => undefined);
  if (!response.ok) throw new Error(`HTTP ${response.status} from ${new URL(url).host}`);
}

/** Generic webhook: JSON body with the notification id, signed with the channel secret. */
export const deliverWebhook: Deliverer = async (n, { now }) => {
  const body = JSON.stringify({ id: n.id, event: n.payload.type ?? "test", createdAt: n.createdAt.toISOString(), data: n.payload });
  const timestamp = Math.floor(now.getTime() / 1000);
  const headers: Record<string, string> = {
    [SIGNATURE_HEADERS.id]: n.id,
    [SIGNATURE_HEADERS.event]: String(n.payload.type ?? "test"),
    [SIGNATURE_HEADERS.timestamp]: String(timestamp),
  };
  if (n.channel.secret) headers[SIGNATURE_HEADERS.signature] = signWebhook(n.channel.secret, timestamp, n.id, body);
  await post(n.channel.target, body, headers);
};

/** Slack incoming webhook: `text` plus a section block (Slack has no idempotency key; ids are in the text). */
export const deliverSlack: Deliverer = async (n) => {
  const text = `*${subjectFor(n.payload)}*\n${textFor(n.payload)}`;
  const body = JSON.stringify({
    text,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text } },
      { type: "context", elements: [{ type: "mrkdwn", text: `Stockroom notification ${n.id}` }] },
    ],
  });
  await post(n.channel.target, body, {});
};

const SHOPPER_MAIL = new Set<NotificationKind>(["BACK_IN_STOCK", "ORDER_CONFIRMED", "ORDER_SHIPPED", "ORDER_CANCELLED"]);

const globalForMail = globalThis as unknown as { __stockroomMail?: Transporter };

/** SMTP when SMTP_URL is set; otherwise a JSON transport whose messages are written to the log. */
export function defaultMailTransport(): Transporter {
  globalForMail.__stockroomMail ??= env.SMTP_URL ? nodemailer.createTransport(env.SMTP_URL) : nodemailer.createTransport({ jsonTransport: true });
  return globalForMail.__stockroomMail;
}

export function emailDeliverer(transport: Transporter = defaultMailTransport()): Deliverer {
  return async (n) => {
    // Back-in-stock and order mail goes to the shopper; alerts to the channel's recipients.
    const to = SHOPPER_MAIL.has(n.kind) && typeof n.payload.to === "string" ? n.payload.to : n.channel.target;
    await transport.sendMail({
      from: env.SMTP_FROM,
      to,
      subject: subjectFor(n.payload),
      text: textFor(n.payload),
      // Same Message-ID on every retry: mail systems drop duplicates of it.
      messageId: `<${n.id}@stockroom.notifications>`,
      headers: { "X-Stockroom-Id": n.id },
    });
    if (!env.SMTP_URL) logger.info("email (no SMTP_URL set: written here instead of sent)", { to, subject: subjectFor(n.payload), text: textFor(n.payload) });
  };
}

export function defaultDeliverers(): Record<ChannelType, Deliverer> {
  return { WEBHOOK: deliverWebhook, SLACK: deliverSlack, EMAIL: emailDeliverer() };
}
