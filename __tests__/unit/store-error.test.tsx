import { describe, expect, it, jest } from "@jest/globals";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import StoreError from "@/app/(store)/error";

describe("store error boundary", () => {
  it("announces the outage, takes focus, and retries on request", async () => {
    const reset = jest.fn();
    render(<StoreError error={Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { digest: "1" })} reset={reset} />);
    const heading = screen.getByRole("heading", { name: "The store is temporarily unavailable" });
    expect(heading).toHaveFocus();
    expect(screen.getByRole("alert")).not.toHaveTextContent("ECONNREFUSED"); // the cause stays in the server log
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(reset).toHaveBeenCalledTimes(1);
  });
});
