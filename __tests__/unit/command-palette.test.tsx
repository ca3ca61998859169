import { beforeEach, describe, expect, it, jest as jestApi } from "@jest/globals";
import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { CommandPalette, paletteFilter, type SearchFn } from "@/components/admin/command-palette";

const mockPush = jest.fn();
jest.mock("next/navigation", () => ({ useRouter: () => ({ push: mockPush }) }));

// cmdk measures and scrolls items; jsdom has neither.
beforeEach(() => {
  mockPush.mockClear();
  Element.prototype.scrollIntoView = () => {};
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});

const hit = { kind: "variant" as const, id: "v1", sku: "TEE-ORG-WHT-M", productName: "Organic Cotton Tee", title: "White / M", href: "/admin/inventory/v1" };

describe("CommandPalette", () => {
  it("opens with Ctrl+K and jumps to a page", async () => {
    const user = userEvent.setup();
    render(<CommandPalette role="ADMIN" search={async () => []} />);
    expect(screen.queryByRole("dialog")).toBeNull();
    await user.keyboard("{Control>}k{/Control}");
    const dialog = await screen.findByRole("dialog");
    expect(dialog).toBeInTheDocument();
    await user.type(screen.getByPlaceholderText(/Go to a page/), "upload hist");
    await user.keyboard("{Enter}");
    expect(mockPush).toHaveBeenCalledWith("/admin/bulk/history");
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  });

  it("finds a variant by SKU through the server search and opens its page", async () => {
    const user = userEvent.setup();
    const search = jestApi.fn<SearchFn>().mockResolvedValue([hit]);
    render(<CommandPalette role="OPS" search={search} />);
    await user.click(screen.getByTestId("command-palette-button"));
    await user.type(screen.getByPlaceholderText(/Go to a page/), "TEE-ORG-WHT");
    await screen.findByText("TEE-ORG-WHT-M");
    // No page is offered for a SKU (a loose fuzzy match once put "Your account" first).
    expect(screen.queryByText("Your account")).toBeNull();
    expect(search).toHaveBeenCalledWith("TEE-ORG-WHT", expect.anything());
    await user.click(screen.getByText("TEE-ORG-WHT-M"));
    expect(mockPush).toHaveBeenCalledWith("/admin/inventory/v1");
  });

  it("offers OPS no admin-only page", async () => {
    const user = userEvent.setup();
    render(<CommandPalette role="OPS" search={async () => []} />);
    await user.keyboard("{Meta>}k{/Meta}");
    await screen.findByRole("dialog");
    expect(screen.queryByText("Users")).toBeNull();
    expect(screen.getByText("Inventory")).toBeInTheDocument();
  });

  it("'/' focuses the page's search field, but not while typing elsewhere", async () => {
    const user = userEvent.setup();
    render(
      <>
        <CommandPalette role="ADMIN" search={async () => []} />
        <main>
          <input aria-label="Other" />
          <input type="search" aria-label="Search SKU" />
        </main>
      </>,
    );
    await act(async () => user.keyboard("/"));
    expect(screen.getByLabelText("Search SKU")).toHaveFocus();
    screen.getByLabelText("Other").focus();
    await user.keyboard("/");
    expect(screen.getByLabelText("Other")).toHaveFocus();
    expect(screen.getByLabelText("Other")).toHaveValue("/");
  });

  it("matches every typed word as a substring of the name or keywords", () => {
    expect(paletteFilter("Your account", "tee-org", ["sessions", "password"])).toBe(0);
    expect(paletteFilter("Bulk upload history", "upload hist")).toBe(1);
    expect(paletteFilter("Alerts", "thresholds", ["thresholds", "channels"])).toBe(1);
  });
});
