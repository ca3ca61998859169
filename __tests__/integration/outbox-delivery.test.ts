import { afterAll, afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import nodemailer, { type SendMailOptions, type Transporter } from "nodemailer";
import { db } from "@/lib/db";
import { retryNotification } from "@/lib/alerts/history";
import { emailDeliverer } from "@/lib/outbox/channels";
import { SIGNATURE_HEADERS, processOutboxBatch, retryDelayMs, verifyWebhookSignature } from "@/lib/outbox";
import { closeConnections, truncateAll } from "../helpers/db";
import { startReceiver } from "../helpers/http-receiver";

type Receiver = Awaited<ReturnType<typeof startReceiver>>;
let receivers: Receiver[] = [];
async function receiver(options?: Parameters<typeof startReceiver>[0]) {
  const r = await startReceiver(options);
  receivers.push(r);
  return r;
}

beforeEach(truncateAll);
afterEach(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  receivers = [];
});
afterAll(closeConnections);

const SECRET = "whsec_test_secret_0123456789";
const lowStock = { type: "low_stock", sku: "TEE-M", productName: "Tee", variantTitle: "M", available: 2, threshold: 5 };

async function queue(channel: { type: "WEBHOOK" | "SLACK" | "EMAIL"; target: string; secret?: string }, count = 1) {
  const { id: channelId } = await db.alertChannel.create({ data: { name: `${channel.type} channel`, ...channel } });
  await db.notification.createMany({ data: Array.from({ length: count }, () => ({ kind: "LOW_STOCK" as const, channelId, payload: lowStock })) });
  return db.notification.findMany({ where: { channelId }, select: { id: true } }).then((rows) => rows.map((r) => r.id));
}

const clock = (start = Date.now()) => {
  let t = start;
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
};

describe("outbox delivery", () => {
  it("posts signed JSON to a webhook; the receiver can verify the signature and dedupe on the id", async () => {
    const hook = await receiver();
    const [id] = await queue({ type: "WEBHOOK", target: hook.url, secret: SECRET });
    expect(await processOutboxBatch()).toMatchObject({ claimed: 1, delivered: 1 });
    const [request] = hook.received;
    const header = (name: string) => String(request!.headers[name]);
    expect(header(SIGNATURE_HEADERS.id)).toBe(id);
    expect(header(SIGNATURE_HEADERS.event)).toBe("low_stock");
    expect(JSON.parse(request!.body)).toMatchObject({ id, event: "low_stock", data: lowStock });
    const signed = { id: id!, timestamp: header(SIGNATURE_HEADERS.timestamp), body: request!.body, signature: header(SIGNATURE_HEADERS.signature) };
    expect(verifyWebhookSignature({ ...signed, secret: SECRET })).toBe(true);
    expect(verifyWebhookSignature({ ...signed, secret: "another-secret-entirely" })).toBe(false);
    expect(verifyWebhookSignature({ ...signed, secret: SECRET, body: request!.body.replace("TEE-M", "TEE-L") })).toBe(false);
    expect(verifyWebhookSignature({ ...signed, secret: SECRET, now: new Date(Date.now() + 3_600_000) })).toBe(false);
    expect(await db.notification.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "DELIVERED", attempts: 1, lastError: null });
    expect(await processOutboxBatch()).toMatchObject({ claimed: 0 });
    expect(hook.received).toHaveLength(1);
  });

  it("retries after a 500 with exponential backoff, then delivers", async () => {
    const hook = await receiver({ statuses: [500, 503] });
    const [id] = await queue({ type: "WEBHOOK", target: hook.url, secret: SECRET });
    const c = clock();
    const options = { now: c.now, random: () => 0, backoffBaseMs: 10_000 };
    expect(await processOutboxBatch(options)).toMatchObject({ retried: 1 });
    let row = await db.notification.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "PENDING", attempts: 1, lastError: expect.stringContaining("HTTP 500") });
    expect(row.nextAttemptAt.getTime()).toBe(c.now().getTime() + 5_000); // half of the 10 s step with random() = 0
    expect(await processOutboxBatch(options)).toMatchObject({ claimed: 0 }); // not due yet
    c.advance(5_000);
    expect(await processOutboxBatch(options)).toMatchObject({ retried: 1 });
    row = await db.notification.findUniqueOrThrow({ where: { id } });
    expect(row.nextAttemptAt.getTime()).toBe(c.now().getTime() + 10_000); // doubled
    c.advance(10_000);
    expect(await processOutboxBatch(options)).toMatchObject({ delivered: 1 });
    expect(await db.notification.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "DELIVERED", attempts: 3, lastError: null });
    expect(hook.received.map((r) => r.headers[SIGNATURE_HEADERS.id])).toEqual([id, id, id]);
  });

  it("dead-letters after the maximum attempts; an admin retry delivers it once the receiver is back", async () => {
    const hook = await receiver({ defaultStatus: 500 });
    const [id] = await queue({ type: "WEBHOOK", target: hook.url, secret: SECRET });
    const c = clock();
    for (let i = 0; i < 3; i++) {
      await processOutboxBatch({ now: c.now, maxAttempts: 3, backoffBaseMs: 1_000 });
      c.advance(3_600_000);
    }
    expect(await db.notification.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "DEAD", attempts: 3, lastError: expect.stringContaining("HTTP 500") });
    expect(await processOutboxBatch({ now: c.now })).toMatchObject({ claimed: 0 });
    hook.received.length = 0;
    const healthy = await receiver();
    await db.alertChannel.updateMany({ data: { target: healthy.url } });
    expect(await retryNotification({ id: id! })).toMatchObject({ status: "DELIVERED", attempts: 1 });
    await expect(retryNotification({ id: id! })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(healthy.received).toHaveLength(1);
  });

  it("never delivers a notification twice when two workers drain the outbox concurrently", async () => {
    const hook = await receiver({ delayMs: 15 });
    const ids = await queue({ type: "WEBHOOK", target: hook.url, secret: SECRET }, 60);
    const drain = async () => {
      let total = 0;
      for (;;) {
        const { claimed } = await processOutboxBatch({ batchSize: 7 });
        if (!claimed) return total;
        total += claimed;
      }
    };
    const [a, b] = await Promise.all([drain(), drain()]);
    expect(a + b).toBe(60);
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);
    const seen = hook.received.map((r) => String(r.headers[SIGNATURE_HEADERS.id]));
    expect(seen).toHaveLength(60);
    expect(new Set(seen)).toEqual(new Set(ids));
    expect(await db.notification.count({ where: { status: "DELIVERED" } })).toBe(60);
  });

  it("formats Slack incoming-webhook messages", async () => {
    const slack = await receiver();
    await queue({ type: "SLACK", target: slack.url });
    await processOutboxBatch();
    const body = JSON.parse(slack.received[0]!.body) as { text: string; blocks: unknown[] };
    expect(body.text).toContain("Low stock: Tee (TEE-M)");
    expect(body.blocks).toEqual(expect.arrayContaining([expect.objectContaining({ type: "section" })]));
  });

  it("sends email through nodemailer with a Message-ID derived from the notification id", async () => {
    const sent: { envelope: { to: string[] }; messageId: string; message: string }[] = [];
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const capture = emailDeliverer({ sendMail: async (mail: SendMailOptions) => {
      const info = await transport.sendMail(mail);
      sent.push(info as unknown as (typeof sent)[number]);
      return info;
    } } as unknown as Transporter);
    const [id] = await queue({ type: "EMAIL", target: "buyers@stockroom.test, ops@stockroom.test" });
    expect(await processOutboxBatch({ deliverers: { EMAIL: capture } })).toMatchObject({ delivered: 1 });
    expect(sent[0]!.envelope.to).toEqual(["buyers@stockroom.test", "ops@stockroom.test"]);
    expect(sent[0]!.messageId).toBe(`<${id}@stockroom.notifications>`);
    expect(JSON.parse(sent[0]!.message)).toMatchObject({ subject: expect.stringContaining("Low stock") });
  });

  it("grows the backoff exponentially with bounded jitter", () => {
    expect(retryDelayMs(1, { baseMs: 1_000, random: () => 0 })).toBe(500);
    expect(retryDelayMs(1, { baseMs: 1_000, random: () => 1 })).toBe(1_000);
    expect(retryDelayMs(4, { baseMs: 1_000, random: () => 1 })).toBe(8_000);
    expect(retryDelayMs(30, { baseMs: 1_000, capMs: 60_000, random: () => 1 })).toBe(60_000);
  });
});
