import { describe, expect, it } from "@jest/globals";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionResult } from "@/lib/actions";

jest.mock("next/navigation", () => ({ useRouter: () => ({ refresh: jest.fn(), replace: jest.fn(), push: jest.fn() }) }));

const COPY = { title: "Delete ada@example.com?", description: "They can no longer sign in. This cannot be undone.", confirmLabel: "Delete user" };

function setup() {
  const onConfirm = jest.fn();
  render(<ConfirmDialog {...COPY} onConfirm={onConfirm} trigger={<Button>Delete user</Button>} />);
  return { onConfirm, user: userEvent.setup(), trigger: screen.getByRole("button", { name: "Delete user" }) };
}

describe("ConfirmDialog", () => {
  it("opens an alert dialog named by its question, described by its consequence, with focus on Cancel", async () => {
    const { user, trigger, onConfirm } = setup();
    await user.click(trigger);
    const dialog = await screen.findByRole("alertdialog", { name: COPY.title });
    expect(dialog).toHaveAccessibleDescription(COPY.description);
    expect(screen.getByRole("button", { name: "Cancel" })).toHaveFocus();
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it("Escape cancels and gives focus back to the trigger", async () => {
    const { user, trigger, onConfirm } = setup();
    await user.click(trigger);
    await screen.findByRole("alertdialog");
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(trigger).toHaveFocus();
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it("Cancel closes without acting; the confirm button acts once and closes", async () => {
    const { user, trigger, onConfirm } = setup();
    await user.click(trigger);
    await user.click(await screen.findByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(trigger).toHaveFocus());
    expect(onConfirm).not.toHaveBeenCalled();

    await user.keyboard("{Enter}"); // the trigger has focus: the keyboard reopens it
    const dialog = await screen.findByRole("alertdialog");
    await user.click(within(dialog).getByRole("button", { name: "Delete user" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(trigger).toHaveFocus();
  });
});

describe("ActionForm with confirm", () => {
  it("submits only after the dialog is confirmed", async () => {
    const calls: Record<string, unknown>[] = [];
    const action = async (data: FormData): Promise<ActionResult<unknown>> => {
      calls.push(Object.fromEntries(data.entries()));
      return { ok: true, data: null };
    };
    render(
      <ActionForm action={action} label="Release hold: 2 × TEE-BLK-M" submitLabel="Release" success="Hold released" layout="inline" confirm={{ title: "Release this hold?", description: "The units go back on sale.", confirmLabel: "Release hold" }}>
        <input type="hidden" name="holdId" value="h1" />
      </ActionForm>,
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Release" }));
    await user.click(await screen.findByRole("button", { name: "Cancel" }));
    expect(calls).toEqual([]);

    await user.click(screen.getByRole("button", { name: "Release" }));
    await user.click(await screen.findByRole("button", { name: "Release hold" }));
    await waitFor(() => expect(calls).toEqual([{ holdId: "h1" }]));
  });
});
