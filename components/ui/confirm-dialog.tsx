"use client";

import * as AlertDialog from "@radix-ui/react-alert-dialog";
import type { ReactElement } from "react";
import { Button } from "./button";

export type ConfirmCopy = {
  /** The question, e.g. "Delete ada@example.com?" */
  title: string;
  /** What happens and whether it can be undone. */
  description: string;
  /** Names the action ("Delete user"), never just "OK". */
  confirmLabel: string;
};

/**
 * Asks before a destructive action. Radix's alert dialog gives the parts that
 * are easy to get wrong: role=alertdialog with its title and description,
 * focus kept inside while open (starting on Cancel, the safe choice), Escape
 * cancels, and focus returns to the trigger on close.
 */
export function ConfirmDialog({ trigger, title, description, confirmLabel, onConfirm }: ConfirmCopy & { trigger: ReactElement; onConfirm: () => void }) {
  return (
    <AlertDialog.Root>
      <AlertDialog.Trigger asChild>{trigger}</AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-zinc-900/40" />
        <AlertDialog.Content className="fixed left-1/2 top-1/2 z-50 w-[calc(100%-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 space-y-4 rounded-lg bg-white p-6 shadow-xl focus:outline-none">
          <AlertDialog.Title className="text-lg font-semibold text-zinc-900">{title}</AlertDialog.Title>
          <AlertDialog.Description className="text-sm text-zinc-600">{description}</AlertDialog.Description>
          <div className="flex flex-wrap justify-end gap-2">
            <AlertDialog.Cancel asChild>
              <Button variant="secondary">Cancel</Button>
            </AlertDialog.Cancel>
            <AlertDialog.Action asChild>
              <Button variant="danger" onClick={onConfirm}>
                {confirmLabel}
              </Button>
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
