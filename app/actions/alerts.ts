"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions";
import { audited, diffSnapshots, recordAudit } from "@/lib/admin/audit";
import { channelLabel, channelSnapshot, thresholdSnapshot, variantLabel } from "@/lib/admin/audit-snapshots";
import { createChannel, createChannelSchema, updateChannel, updateChannelSchema } from "@/lib/alerts/channels";
import { channelIdSchema, notificationIdSchema, retryNotification, sendTestNotification } from "@/lib/alerts/history";
import { setLowStockThreshold, setThresholdSchema } from "@/lib/alerts/thresholds";

// Alert settings are ADMIN-only (OPS may move stock, not reconfigure alerting).
const PATH = "/admin/alerts";


const checkbox = z.union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false")]).optional()
  .transform((v) => v === true || v === "on" || v === "true");

export const saveThreshold = defineAction({
  name: "saveThreshold",
  access: "ADMIN",
  input: setThresholdSchema.extend({ isActive: checkbox }),
  handler: async (input, { user, revalidatePath }) => {
    const result = await audited(
      { actorEmail: user.email, action: "threshold.set", target: await variantLabel(input.variantId) },
      () => thresholdSnapshot(input.variantId),
      () => setLowStockThreshold(input),
    );
    revalidatePath(PATH);
    return result;
  },
});

export const addChannel = defineAction({
  name: "addChannel",
  access: "ADMIN",
  input: createChannelSchema,
  handler: async (input, { user, revalidatePath }) => {
    const result = await createChannel(input);
    await recordAudit({ actorEmail: user.email, action: "channel.create", target: result.channel.name, changes: diffSnapshots(null, await channelSnapshot(result.channel.id)) });
    revalidatePath(PATH);
    return result;
  },
});

export const editChannel = defineAction({
  name: "editChannel",
  access: "ADMIN",
  input: updateChannelSchema.extend({ enabled: checkbox.optional(), rotateSecret: checkbox.optional() }),
  handler: async (input, { user, revalidatePath }) => {
    const result = await audited(
      { actorEmail: user.email, action: "channel.update", target: await channelLabel(input.id) },
      () => channelSnapshot(input.id),
      () => updateChannel(input),
    );
    revalidatePath(PATH);
    return result;
  },
});

export const sendTest = defineAction({
  name: "sendTestNotification",
  access: "ADMIN",
  input: channelIdSchema,
  handler: async (input, { revalidatePath }) => {
    const result = await sendTestNotification(input);
    revalidatePath(PATH);
    return result;
  },
});

export const retryDeadNotification = defineAction({
  name: "retryNotification",
  access: "ADMIN",
  input: notificationIdSchema,
  handler: async (input, { revalidatePath }) => {
    const result = await retryNotification(input);
    revalidatePath(PATH);
    return result;
  },
});
