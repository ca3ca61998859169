import { afterEach, describe, expect, it, jest } from "@jest/globals";
import { act } from "react";
import { hydrateRoot } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { render, screen } from "@testing-library/react";
import { formatInstant, formatUtc } from "@/components/ui/format-instant";
import { LocalTime, TextWithTimes } from "@/components/ui/local-time";

const INSTANT = "2026-12-02T14:05:09.000Z";
const VIEWER = { timeZone: "America/New_York", locale: "en-US" } as const;

/**
 * Renders `element` to HTML as the server does, then hydrates that HTML the
 * way the browser does, collecting every hydration error React reports.
 */
async function serverThenHydrate(element: React.ReactElement) {
  const html = renderToString(element);
  const container = document.createElement("div");
  container.innerHTML = html;
  document.body.appendChild(container);
  const errors: unknown[] = [];
  const consoleError = jest.spyOn(console, "error").mockImplementation((...args) => errors.push(args));
  await act(async () => {
    hydrateRoot(container, element, { onRecoverableError: (error) => errors.push(error) });
  });
  consoleError.mockRestore();
  return { html, container, errors };
}

afterEach(() => {
  document.body.innerHTML = "";
});

describe("formatUtc / formatInstant", () => {
  it("gives a stable UTC form without locale data, and the viewer's form in their zone", () => {
    const date = new Date(INSTANT);
    expect(formatUtc(date)).toBe("2026-12-02 14:05 UTC");
    expect(formatUtc(date, "date")).toBe("2026-12-02");
    expect(formatInstant(date, VIEWER)).toMatch(/^Dec 2, 2026, 9:05\sAM$/);
    expect(formatInstant(date, { ...VIEWER, timeZone: "Asia/Tokyo" })).toMatch(/^Dec 2, 2026, 11:05\sPM$/);
  });

  it("says how far away an instant is", () => {
    const now = Date.parse(INSTANT);
    expect(formatInstant(new Date(now + 5 * 60_000), { format: "relative", now, locale: "en" })).toBe("in 5 minutes");
    expect(formatInstant(new Date(now - 2 * 3_600_000), { format: "relative", now, locale: "en" })).toBe("2 hours ago");
  });
});

describe("LocalTime", () => {
  it("renders the UTC form in a <time dateTime> on the server", () => {
    const html = renderToString(<LocalTime value={new Date(INSTANT)} {...VIEWER} />);
    expect(html).toBe(`<time dateTime="${INSTANT}">2026-12-02 14:05 UTC</time>`);
  });

  it("hydrates without a mismatch, then shows the viewer's zone", async () => {
    const { container, errors } = await serverThenHydrate(<LocalTime value={INSTANT} {...VIEWER} />);
    expect(errors).toEqual([]);
    expect(container.querySelector("time")).toHaveTextContent(/^Dec 2, 2026, 9:05\sAM$/);
    expect(container.querySelector("time")).toHaveAttribute("dateTime", INSTANT);
  });

  it("the check above can fail: formatting in the render itself is caught as a hydration mismatch", async () => {
    // What the admin did before: the server formats in its zone, the browser in the viewer's.
    function NaiveTime({ timeZone }: { timeZone: string }) {
      return <time dateTime={INSTANT}>{formatInstant(new Date(INSTANT), { timeZone, locale: "en-US" })}</time>;
    }
    const html = renderToString(<NaiveTime timeZone="UTC" />);
    const container = document.createElement("div");
    container.innerHTML = html;
    const errors: unknown[] = [];
    const consoleError = jest.spyOn(console, "error").mockImplementation(() => {});
    await act(async () => {
      hydrateRoot(container, <NaiveTime timeZone="America/New_York" />, { onRecoverableError: (error) => errors.push(error) });
    });
    consoleError.mockRestore();
    expect(errors.length).toBeGreaterThan(0);
  });

  it("renders the local form at once on a client-side render (no hydration, nothing to match)", () => {
    render(<LocalTime value={INSTANT} format="date" {...VIEWER} />);
    expect(screen.getByText("Dec 2, 2026")).toHaveAttribute("dateTime", INSTANT);
  });

  it("shows a relative time with the absolute one as its title", () => {
    const soon = new Date(Date.now() + 10 * 60_000 + 20_000);
    render(<LocalTime value={soon} format="relative" locale="en" timeZone="UTC" />);
    const time = screen.getByText("in 10 minutes");
    expect(time).toHaveAttribute("title", formatInstant(soon, { locale: "en", timeZone: "UTC" }));
  });
});

describe("TextWithTimes", () => {
  it("shows the instants inside a server message like every other time, keeping the words around them", () => {
    render(
      <p data-testid="message">
        <TextWithTimes text={`Reference "X" was already used for a different file (applied ${INSTANT} by ada@example.com). Choose a new reference.`} />
      </p>,
    );
    const message = screen.getByTestId("message");
    expect(message.textContent).not.toContain("T14:05:09");
    expect(message.querySelector("time")).toHaveAttribute("dateTime", INSTANT);
    expect(message.textContent).toMatch(/^Reference "X" was already used for a different file \(applied .+ by ada@example.com\)\. Choose a new reference\.$/);
  });

  it("leaves a message without instants as it is", () => {
    render(<p data-testid="message"><TextWithTimes text="Nothing to see" /></p>);
    expect(screen.getByTestId("message").innerHTML).toBe("Nothing to see");
  });
});
