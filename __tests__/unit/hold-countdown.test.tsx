import { afterEach, beforeEach, describe, expect, it, jest } from "@jest/globals";
import { act } from "react";
import { hydrateRoot } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { HoldCountdown } from "@/components/store/hold-countdown";

const INSTANT = "2026-12-02T14:05:09.000Z";

describe("HoldCountdown", () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: Date.parse(INSTANT) });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it("hydrates from the server's clock even when the browser's differs, then counts from the browser's", async () => {
    const expiresAt = new Date(Date.parse(INSTANT) + 120_000).toISOString();
    // The server rendered 7 s before the browser hydrates (network, parsing): 2:07 left on the server, 2:00 here.
    const element = <HoldCountdown expiresAt={expiresAt} renderedAt={Date.parse(INSTANT) - 7_000} />;
    const html = renderToString(element);
    expect(html.replaceAll("<!-- -->", "")).toContain("Held for 2:07");
    const container = document.createElement("div");
    container.innerHTML = html;
    const errors: unknown[] = [];
    await act(async () => {
      hydrateRoot(container, element, { onRecoverableError: (error) => errors.push(error) });
    });
    expect(errors).toEqual([]);
    expect(container).toHaveTextContent("Held for 2:00");
  });
});
