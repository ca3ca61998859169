"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import { useState, type ReactElement, type ReactNode } from "react";
import { Button } from "./button";

/**
 * A dialog holding one editing form (Radix: role=dialog with its title,
 * focus trapped inside and returned to the trigger, Escape closes). The form
 * gets `close` to call once it has saved.
 */
export function FormDialog({ trigger, title, description, children }: { trigger: ReactElement; title: string; description?: string; children: (close: () => void) => ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>{trigger}</Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-zinc-900/40" />
        <Dialog.Content
          className="fixed left-1/2 top-1/2 z-50 max-h-[calc(100dvh-2rem)] w-[calc(100%-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 space-y-4 overflow-y-auto rounded-lg bg-white p-6 shadow-xl focus:outline-none"
          {...(description ? {} : { "aria-describedby": undefined })}
        >
          <div className="flex items-start justify-between gap-4">
            <Dialog.Title className="text-lg font-semibold text-zinc-900">{title}</Dialog.Title>
            <Dialog.Close asChild>
              <Button variant="ghost" size="xs" aria-label="Close">
                <X aria-hidden className="size-4" />
              </Button>
            </Dialog.Close>
          </div>
          {description ? <Dialog.Description className="text-sm text-zinc-600">{description}</Dialog.Description> : null}
          {children(() => setOpen(false))}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
