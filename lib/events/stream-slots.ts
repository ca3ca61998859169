import { env } from "@/lib/env";
import { RateLimitedError } from "@/lib/errors";

// Live streams hold a socket, a bus subscription and a timer each. One client
// opening a thousand of them slowed every other request of the instance, so
// streams are capped per client IP (refused with 429) and per instance (the
// least recently active stream is shed to make room: its EventSource comes
// back after the retry hint, while a new viewer gets in at once).

export type StreamSlot = {
  /** The stream sent something worth keeping it for (not a heartbeat). */
  touch: () => void;
  /** The stream ended; frees the slot (idempotent). */
  release: () => void;
  /** Called when the instance sheds this stream to make room. */
  onShed: (shed: () => void) => void;
};

type Entry = { ip: string; lastActive: number; shed: () => void; released: boolean };

export class StreamSlots {
  private readonly open = new Set<Entry>();
  private readonly perIp = new Map<string, number>();

  constructor(
    private readonly maxPerIp: number,
    private readonly maxTotal: number,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.open.size;
  }

  acquire(ip: string | null): StreamSlot {
    const key = ip ?? "unknown";
    if ((this.perIp.get(key) ?? 0) >= this.maxPerIp) {
      throw new RateLimitedError("Too many live connections from your address. Close some tabs and try again.");
    }
    if (this.open.size >= this.maxTotal) this.shedLeastActive();
    const entry: Entry = { ip: key, lastActive: this.now(), shed: () => {}, released: false };
    this.open.add(entry);
    this.perIp.set(key, (this.perIp.get(key) ?? 0) + 1);
    const release = () => {
      if (entry.released) return;
      entry.released = true;
      this.open.delete(entry);
      const left = (this.perIp.get(key) ?? 1) - 1;
      if (left > 0) this.perIp.set(key, left);
      else this.perIp.delete(key);
    };
    return {
      touch: () => void (entry.lastActive = this.now()),
      release,
      onShed: (shed) => void (entry.shed = () => {
        release();
        shed();
      }),
    };
  }

  // A linear scan: it runs only when the instance is full, and 10,000 entries take well under a millisecond.
  private shedLeastActive(): void {
    let oldest: Entry | null = null;
    for (const entry of this.open) if (!oldest || entry.lastActive < oldest.lastActive) oldest = entry;
    oldest?.shed();
    if (oldest && !oldest.released) {
      // A stream that never registered a shed callback still gives up its slot.
      this.open.delete(oldest);
      oldest.released = true;
      const left = (this.perIp.get(oldest.ip) ?? 1) - 1;
      if (left > 0) this.perIp.set(oldest.ip, left);
      else this.perIp.delete(oldest.ip);
    }
  }
}

const globalForSlots = globalThis as unknown as { __stockroomStreamSlots?: StreamSlots };

/** This process's stream slots (SSE_MAX_STREAMS_PER_IP, SSE_MAX_STREAMS). */
export function streamSlots(): StreamSlots {
  globalForSlots.__stockroomStreamSlots ??= new StreamSlots(env.SSE_MAX_STREAMS_PER_IP, env.SSE_MAX_STREAMS);
  return globalForSlots.__stockroomStreamSlots;
}
