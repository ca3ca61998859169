import { randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import type { ChannelType } from "@/generated/prisma/enums";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { idSchema } from "@/lib/validation/inventory";

// Alert channels. Secrets (webhook signing keys, Slack webhook URLs, which are
// bearer secrets themselves) are stored as given and only ever leave this
// module masked; a generated signing secret is returned once, at creation.

const httpUrl = z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }).max(2_000);
const splitAddresses = (s: string) => s.split(/[,;\s]+/).filter(Boolean);
const emailList = z.string().trim().min(1, "add at least one address").max(2_000)
  .refine((s) => splitAddresses(s).every((a) => z.email().safeParse(a).success), "contains an invalid email address")
  .refine((s) => splitAddresses(s).length <= 10, "at most 10 addresses")
  .transform((s) => splitAddresses(s).join(", "));
const name = z.string().trim().min(1, "give the channel a name").max(80);
const secret = z.string().trim().min(16, "use at least 16 characters").max(200);

export const createChannelSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("WEBHOOK"), name, target: httpUrl, secret: secret.optional() }),
  z.object({ type: z.literal("SLACK"), name, target: httpUrl }),
  z.object({ type: z.literal("EMAIL"), name, target: emailList }),
]);

export const updateChannelSchema = z.object({
  id: idSchema,
  name: name.optional(),
  enabled: z.boolean().optional(),
  /** Blank keeps the stored target (it may be masked in the form). */
  target: z.string().trim().max(2_000).optional(),
  rotateSecret: z.boolean().optional(),
});

export type ChannelView = {
  id: string; type: ChannelType; name: string; enabled: boolean; createdAt: Date;
  /** Safe to render: email recipients and webhook URLs in full, Slack URLs and secrets masked. */
  targetDisplay: string; secretHint: string | null;
};

export function maskSecret(value: string): string {
  return value.length <= 8 ? "••••••" : `••••••${value.slice(-4)}`;
}

function displayTarget(type: ChannelType, target: string): string {
  if (type !== "SLACK") return target;
  try {
    return `${new URL(target).origin}/${maskSecret(target)}`;
  } catch {
    return maskSecret(target);
  }
}

function view(c: { id: string; type: ChannelType; name: string; enabled: boolean; createdAt: Date; target: string; secret: string | null }): ChannelView {
  return { id: c.id, type: c.type, name: c.name, enabled: c.enabled, createdAt: c.createdAt, targetDisplay: displayTarget(c.type, c.target), secretHint: c.secret ? maskSecret(c.secret) : null };
}

const newSecret = () => `whsec_${randomBytes(24).toString("base64url")}`;

export async function listChannels(): Promise<ChannelView[]> {
  const rows = await db.alertChannel.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map(view);
}

/** Creates a channel; for a webhook without a secret one is generated and returned once. */
export async function createChannel(input: z.input<typeof createChannelSchema>): Promise<{ channel: ChannelView; newSecret: string | null }> {
  const data = parseInput(createChannelSchema, input);
  const generated = data.type === "WEBHOOK" && !data.secret ? newSecret() : null;
  const row = await db.alertChannel.create({
    data: { type: data.type, name: data.name, target: data.target, secret: data.type === "WEBHOOK" ? (data.secret ?? generated) : null },
  });
  return { channel: view(row), newSecret: generated };
}

export async function updateChannel(input: z.input<typeof updateChannelSchema>): Promise<{ channel: ChannelView; newSecret: string | null }> {
  const { id, target, rotateSecret, ...rest } = parseInput(updateChannelSchema, input);
  const current = await db.alertChannel.findUnique({ where: { id } });
  if (!current) throw new NotFoundError("This channel no longer exists");
  const data: { name?: string; enabled?: boolean; target?: string; secret?: string } = { ...rest };
  if (target) {
    const checked = createChannelSchema.safeParse({ type: current.type, name: rest.name ?? current.name, target });
    if (!checked.success) throw new ValidationError("Invalid target", { target: [checked.error.issues[0]?.message ?? "invalid"] });
    data.target = checked.data.target;
  }
  const rotated = rotateSecret && current.type === "WEBHOOK" ? newSecret() : null;
  if (rotated) data.secret = rotated;
  const row = await db.alertChannel.update({ where: { id }, data });
  return { channel: view(row), newSecret: rotated };
}
