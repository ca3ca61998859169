import { afterEach, beforeEach, describe, expect, it, jest } from "@jest/globals";
import { act, renderHook } from "@testing-library/react";
import { useLiveStock } from "@/components/store/use-live-stock";

/** A scriptable stand-in for the browser's EventSource (jsdom has none). */
class FakeEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static instances: FakeEventSource[] = [];
  readyState = FakeEventSource.CONNECTING;
  onerror: (() => void) | null = null;
  private listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();
  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  emit(type: string, data: unknown) {
    this.readyState = FakeEventSource.OPEN;
    for (const listener of this.listeners.get(type) ?? []) listener({ data: JSON.stringify(data) } as MessageEvent<string>);
  }
  fail(closed: boolean) {
    this.readyState = closed ? FakeEventSource.CLOSED : FakeEventSource.CONNECTING;
    this.onerror?.();
  }
  close() {
    this.readyState = FakeEventSource.CLOSED;
  }
}

const variant = (available: number) => ({ variantId: "v1", available }) as never;

beforeEach(() => {
  jest.useFakeTimers();
  FakeEventSource.instances = [];
  (globalThis as { EventSource?: unknown }).EventSource = FakeEventSource;
});
afterEach(() => {
  jest.useRealTimers();
});

describe("useLiveStock", () => {
  it("goes live on a snapshot and stays connecting while the browser retries by itself", () => {
    const { result } = renderHook(() => useLiveStock("p1", [variant(5)]));
    const source = FakeEventSource.instances[0]!;
    act(() => source.emit("stock", { productId: "p1", variants: [variant(4)] }));
    expect(result.current.state).toBe("live");
    expect(result.current.stock.v1).toMatchObject({ available: 4 });
    act(() => source.fail(false));
    expect(result.current.state).toBe("connecting");
    expect(FakeEventSource.instances).toHaveLength(1);
  });

  it("opens a new stream with backoff after the browser gives up (e.g. a 503 while the database is away)", () => {
    const { result, unmount } = renderHook(() => useLiveStock("p1", [variant(5)]));
    act(() => FakeEventSource.instances[0]!.fail(true));
    expect(result.current.state).toBe("offline");
    act(() => void jest.advanceTimersByTime(1_999));
    expect(FakeEventSource.instances).toHaveLength(1);
    act(() => void jest.advanceTimersByTime(1));
    expect(FakeEventSource.instances).toHaveLength(2);
    act(() => FakeEventSource.instances[1]!.fail(true)); // still down: wait longer
    act(() => void jest.advanceTimersByTime(3_999));
    expect(FakeEventSource.instances).toHaveLength(2);
    act(() => void jest.advanceTimersByTime(1));
    act(() => FakeEventSource.instances[2]!.emit("stock", { productId: "p1", variants: [variant(2)] }));
    expect(result.current).toMatchObject({ state: "live", stock: { v1: { available: 2 } } });
    unmount();
    expect(FakeEventSource.instances[2]!.readyState).toBe(FakeEventSource.CLOSED);
  });
});
