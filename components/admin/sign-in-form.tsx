"use client";

import { useRouter } from "next/navigation";
import { signInAction } from "@/app/actions/auth";
import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";

export function SignInForm({ next }: { next: string }) {
  const router = useRouter();
  return (
    <ActionForm
      action={signInAction}
      label="Sign in"
      submitLabel="Sign in"
      success="Signed in"
      resetOnSuccess={false}
      onSuccess={(data) => router.replace((data as { redirectTo: string }).redirectTo)}
    >
      <input type="hidden" name="next" value={next} />
      <TextField name="email" label="Email" type="email" autoComplete="username" required autoFocus />
      <TextField name="password" label="Password" type="password" autoComplete="current-password" required />
    </ActionForm>
  );
}
