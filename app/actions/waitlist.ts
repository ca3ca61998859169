"use server";

import { defineAction } from "@/lib/actions";
import { enforceRateLimit } from "@/lib/actions/limit";
import { joinWaitlist as join, joinWaitlistSchema } from "@/lib/inventory/waitlist";

// A form anyone can post to: limited per cart session (the cookie is issued
// if missing) and, more loosely, per client IP, so a script that drops
// cookies is still held back. Windows are shared by all instances via Redis.
const PER_SESSION = { limit: 5, windowSeconds: 600 };
const PER_IP = { limit: 30, windowSeconds: 600 };

export const joinWaitlist = defineAction({
  name: "joinWaitlist",
  access: "public",
  input: joinWaitlistSchema,
  handler: async (input, { cartSessionId }) => {
    await enforceRateLimit("waitlist", await cartSessionId({ create: true }), { perSession: PER_SESSION, perIp: PER_IP });
    await join(input);
    return { message: "Thanks! We'll email you once when it's back in stock." };
  },
});
