"use client";

import { useRouter } from "next/navigation";
import { signOutEverywhereAction } from "@/app/actions/auth";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useAction } from "@/components/ui/use-action";

/** Ends every session of the signed-in user, this one included, after asking. */
export function SignOutEverywhereButton({ sessions }: { sessions: number }) {
  const router = useRouter();
  const { pending, run } = useAction(signOutEverywhereAction, { errors: "toast" });
  return (
    <ConfirmDialog
      title="Sign out everywhere?"
      description={`Ends your ${sessions === 1 ? "session" : `${sessions} sessions`} on every device, this one included. Use it if a device was lost or shared.`}
      confirmLabel="Sign out everywhere"
      onConfirm={() =>
        run({}, {
          onSuccess: () => {
            router.replace("/admin/sign-in");
            router.refresh();
          },
        })
      }
      trigger={
        <Button variant="danger-subtle" disabled={pending}>
          {pending ? "Signing out…" : "Sign out everywhere"}
        </Button>
      }
    />
  );
}
