import { describe, expect, it } from "@jest/globals";
import { render, screen } from "@testing-library/react";
import { HealthBadge } from "@/components/health-badge";

describe("HealthBadge", () => {
  it("says which backends serve the app", () => {
    render(<HealthBadge health={{ status: "ok", database: { ok: true, mode: "embedded", latencyMs: 1 }, cache: { ok: true, mode: "memory", latencyMs: 0 } }} />);
    const badge = screen.getByTestId("health-badge");
    expect(badge).toHaveAttribute("data-status", "ok");
    expect(badge).toHaveTextContent("All systems go");
    expect(badge).toHaveTextContent("database: embedded · cache: memory");
  });

  it("shows a degraded cache", () => {
    render(<HealthBadge health={{ status: "degraded", database: { ok: true, mode: "postgres", latencyMs: 1 }, cache: { ok: false, mode: "redis", latencyMs: null } }} />);
    expect(screen.getByTestId("health-badge")).toHaveTextContent("Degraded");
    expect(screen.getByTestId("health-badge")).toHaveTextContent("cache: redis (down)");
  });
});
