"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { signOutAction } from "@/app/actions/auth";
import { secondaryButtonClass } from "./ui";

export function SignOutButton() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      className={secondaryButtonClass}
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          await signOutAction({});
          router.replace("/admin/sign-in");
          router.refresh();
        })
      }
    >
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}
