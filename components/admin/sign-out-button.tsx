"use client";

import { useRouter } from "next/navigation";
import { signOutAction } from "@/app/actions/auth";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";

export function SignOutButton() {
  const router = useRouter();
  const { pending, run } = useAction(signOutAction, { errors: "toast" });
  return (
    <Button
      variant="secondary"
      size="sm"
      disabled={pending}
      onClick={() =>
        run({}, {
          onSuccess: () => {
            router.replace("/admin/sign-in");
            router.refresh();
          },
        })
      }
    >
      {pending ? "Signing out…" : "Sign out"}
    </Button>
  );
}
