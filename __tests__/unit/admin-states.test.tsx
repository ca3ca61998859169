import { describe, expect, it } from "@jest/globals";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import AdminError from "@/app/admin/error";
import { TableSkeleton } from "@/components/admin/page-skeleton";

const mockRefresh = jest.fn();
jest.mock("next/navigation", () => ({ useRouter: () => ({ refresh: mockRefresh }) }));

describe("admin loading and error states", () => {
  it("the loading state is a busy, announced skeleton", () => {
    render(<TableSkeleton rows={3} label="Loading inventory…" />);
    const status = screen.getByRole("status");
    expect(status).toHaveAttribute("aria-busy", "true");
    expect(status).toHaveTextContent("Loading inventory…");
  });

  it("the error state keeps the cause out of the page, takes focus and retries from the server", async () => {
    const reset = jest.fn();
    render(<AdminError error={Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { digest: "1" })} reset={reset} />);
    expect(screen.getByRole("heading", { name: "This page could not be loaded" })).toHaveFocus();
    expect(screen.getByRole("alert")).not.toHaveTextContent("ECONNREFUSED");
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(mockRefresh).toHaveBeenCalledTimes(1);
    expect(reset).toHaveBeenCalledTimes(1);
  });
});
