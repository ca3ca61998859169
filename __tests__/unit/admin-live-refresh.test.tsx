import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { act, render, screen } from "@testing-library/react";
import { LiveRefresh } from "@/components/admin/live-refresh";

const mockRefresh = jest.fn();
jest.mock("next/navigation", () => ({ useRouter: () => ({ refresh: mockRefresh }) }));

// jsdom has no EventSource: a minimal stand-in that lets the test play the server.
class FakeEventSource {
  static CONNECTING = 0;
  static OPEN = 1;
  static CLOSED = 2;
  static instances: FakeEventSource[] = [];
  readyState = FakeEventSource.CONNECTING;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  private listeners = new Map<string, (() => void)[]>();
  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }
  addEventListener(type: string, fn: () => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn]);
  }
  close() {
    this.readyState = FakeEventSource.CLOSED;
  }
  open() {
    this.readyState = FakeEventSource.OPEN;
    this.onopen?.();
  }
  emit(type: string) {
    for (const fn of this.listeners.get(type) ?? []) fn();
  }
  fail(closed: boolean) {
    this.readyState = closed ? FakeEventSource.CLOSED : FakeEventSource.CONNECTING;
    this.onerror?.();
  }
}

beforeEach(() => {
  jest.useFakeTimers();
  FakeEventSource.instances = [];
  mockRefresh.mockClear();
  (globalThis as unknown as { EventSource: unknown }).EventSource = FakeEventSource;
});
afterEach(() => {
  jest.useRealTimers();
});

const source = () => FakeEventSource.instances.at(-1)!;
// A health check that has not answered yet: these tests are about the stream alone.
const up = () => new Promise<boolean>(() => {});

describe("LiveRefresh", () => {
  it("coalesces a burst of stock events into one refresh and shows the connection state", () => {
    render(<LiveRefresh delayMs={1_000} checkDatabase={up} />);
    expect(source().url).toBe("/api/admin/stream");
    expect(screen.getByRole("status")).toHaveTextContent("Connecting…");
    act(() => source().open());
    expect(screen.getByRole("status")).toHaveTextContent("Live");
    act(() => {
      for (let i = 0; i < 50; i++) source().emit("stock");
    });
    expect(mockRefresh).not.toHaveBeenCalled();
    act(() => jest.advanceTimersByTime(1_000));
    expect(mockRefresh).toHaveBeenCalledTimes(1);
    act(() => source().emit("stock"));
    act(() => jest.advanceTimersByTime(1_000));
    expect(mockRefresh).toHaveBeenCalledTimes(2);
  });

  it("catches up after a dropped connection comes back", () => {
    render(<LiveRefresh delayMs={10} checkDatabase={up} />);
    act(() => source().open());
    act(() => source().fail(false));
    expect(screen.getByRole("status")).toHaveTextContent("Reconnecting…");
    act(() => source().open());
    act(() => jest.advanceTimersByTime(10));
    expect(mockRefresh).toHaveBeenCalledTimes(1);
    expect(FakeEventSource.instances).toHaveLength(1);
  });

  it("when the server refuses the stream, refreshes (so an expired session goes to sign-in) and reconnects later", () => {
    render(<LiveRefresh delayMs={10} checkDatabase={up} />);
    act(() => source().fail(true));
    act(() => jest.advanceTimersByTime(10));
    expect(mockRefresh).toHaveBeenCalledTimes(1);
    act(() => jest.advanceTimersByTime(15_000));
    expect(FakeEventSource.instances).toHaveLength(2);
  });

  it("closes the stream when the page goes away", () => {
    const { unmount } = render(<LiveRefresh checkDatabase={up} />);
    const first = source();
    unmount();
    expect(first.readyState).toBe(FakeEventSource.CLOSED);
  });

  it("does not stay green while the database is down (the stream itself runs on Redis), and catches up when it is back", async () => {
    let databaseUp = true;
    render(<LiveRefresh delayMs={10} healthEveryMs={5_000} checkDatabase={async () => databaseUp} />);
    act(() => source().open());
    await act(async () => {});
    expect(screen.getByRole("status")).toHaveTextContent("Live");

    databaseUp = false;
    await act(async () => jest.advanceTimersByTime(5_000));
    expect(screen.getByRole("status")).toHaveTextContent("Database unavailable");
    expect(screen.getByTestId("live-status")).toHaveAttribute("data-status", "database-down");
    expect(screen.getByTestId("live-status").querySelector("[aria-hidden]")).not.toHaveClass("bg-emerald-500");

    databaseUp = true;
    await act(async () => jest.advanceTimersByTime(5_000));
    expect(screen.getByRole("status")).toHaveTextContent("Live");
    expect(mockRefresh).toHaveBeenCalledTimes(1);
  });

  it("an unreachable health check (network) does not claim the database is down", async () => {
    render(<LiveRefresh checkDatabase={async () => null} />);
    act(() => source().open());
    await act(async () => {});
    expect(screen.getByRole("status")).toHaveTextContent("Live");
  });
});
