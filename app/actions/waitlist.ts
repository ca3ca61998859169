"use server";

import { createHash } from "node:crypto";
import { defineAction, PublicError } from "@/lib/actions";
import { joinWaitlist as join, joinWaitlistSchema } from "@/lib/inventory/waitlist";
import { rateLimit } from "@/lib/rate-limit";

// A form anyone can post to: limited per cart session (the cookie is issued
// if missing) and, more loosely, per client IP, so a script that drops
// cookies is still held back. Windows are shared by all instances via Redis.
const PER_SESSION = { limit: 5, windowSeconds: 600 };
const PER_IP = { limit: 30, windowSeconds: 600 };

async function clientIp(): Promise<string | null> {
  try {
    const { headers } = await import("next/headers");
    const h = await headers();
    return h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || null;
  } catch {
    return null; // outside a request (tests drive the action with an explicit context)
  }
}

const hash = (value: string) => createHash("sha256").update(value).digest("base64url").slice(0, 22);

export const joinWaitlist = defineAction({
  name: "joinWaitlist",
  access: "public",
  input: joinWaitlistSchema,
  handler: async (input, { cartSessionId }) => {
    const session = await cartSessionId({ create: true });
    const ip = await clientIp();
    const checks = [
      session ? rateLimit({ key: `waitlist:s:${hash(session)}`, ...PER_SESSION }) : null,
      ip ? rateLimit({ key: `waitlist:ip:${hash(ip)}`, ...PER_IP }) : null,
    ];
    for (const check of await Promise.all(checks)) {
      if (check && !check.allowed) {
        throw new PublicError("RATE_LIMITED", `Too many requests. Please try again in ${Math.ceil(check.retryAfter / 60)} minute(s).`);
      }
    }
    await join(input);
    return { message: "Thanks! We'll email you once when it's back in stock." };
  },
});
