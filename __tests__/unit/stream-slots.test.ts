import { describe, expect, it } from "@jest/globals";
import { RateLimitedError } from "@/lib/errors";
import { StreamSlots } from "@/lib/events/stream-slots";

describe("StreamSlots", () => {
  it("refuses a client IP's stream beyond its cap, and admits it again once one closes", () => {
    const slots = new StreamSlots(2, 100);
    const [a] = [slots.acquire("198.51.100.1"), slots.acquire("198.51.100.1")];
    expect(() => slots.acquire("198.51.100.1")).toThrow(RateLimitedError);
    expect(() => slots.acquire("198.51.100.2")).not.toThrow();
    a!.release();
    a!.release(); // idempotent: frees one slot, not two
    expect(() => slots.acquire("198.51.100.1")).not.toThrow();
    expect(() => slots.acquire("198.51.100.1")).toThrow(RateLimitedError);
  });

  it("when the instance is full, sheds the least recently active stream to admit a new one", () => {
    let now = 0;
    const slots = new StreamSlots(10, 3, () => now);
    const shed: string[] = [];
    const open = (name: string) => {
      now += 1;
      const slot = slots.acquire(`10.0.0.${name.length}`);
      slot.onShed(() => shed.push(name));
      return slot;
    };
    const first = open("a");
    open("bb");
    open("ccc");
    now += 1;
    first.touch(); // "a" just sent an event: "bb" is now the idlest
    open("dddd");
    expect(shed).toEqual(["bb"]);
    expect(slots.size).toBe(3);
    open("eeeee");
    expect(shed).toEqual(["bb", "ccc"]);
  });
});
