import { describe, expect, it } from "@jest/globals";
import { render, screen } from "@testing-library/react";
import { Button, buttonStyles, type ButtonVariant } from "@/components/ui/button";
import { Pager } from "@/components/ui/pager";

describe("Button", () => {
  // The bulk page's disabled Apply only faded to 50 %: still blue, still looking clickable.
  it.each<ButtonVariant>(["primary", "secondary", "ghost", "danger", "danger-subtle"])("a disabled %s button drops its colour, not just its opacity", (variant) => {
    const classes = buttonStyles({ variant }).split(/\s+/);
    expect(classes).toEqual(expect.arrayContaining(["disabled:bg-zinc-100", "disabled:text-zinc-400", "disabled:cursor-not-allowed"]));
    expect(classes.some((c) => c.startsWith("disabled:opacity"))).toBe(false);
  });

  it("is a real button, type=button unless told otherwise, and reports disabled", () => {
    render(
      <>
        <Button disabled>Apply 2 changes</Button>
        <Button type="submit">Check file</Button>
      </>,
    );
    expect(screen.getByRole("button", { name: "Apply 2 changes" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Apply 2 changes" })).toHaveAttribute("type", "button");
    expect(screen.getByRole("button", { name: "Check file" })).toHaveAttribute("type", "submit");
  });
});

describe("Pager", () => {
  it("links to the neighbours by name and shows a disabled placeholder at either end", () => {
    render(<Pager label="Inventory pages" status="Page 1 of 4" prev={null} next="/admin/inventory?page=2" />);
    const nav = screen.getByRole("navigation", { name: "Inventory pages" });
    expect(nav).toHaveTextContent("Page 1 of 4");
    expect(screen.getByRole("link", { name: "Next" })).toHaveAttribute("href", "/admin/inventory?page=2");
    expect(screen.queryByRole("link", { name: "Previous" })).toBeNull();
    expect(screen.getByText("Previous", { exact: false }).closest("[aria-disabled]")).toHaveAttribute("aria-disabled", "true");
  });
});
