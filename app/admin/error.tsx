"use client";

import { startTransition, useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import { RotateCcw } from "lucide-react";
import { Button } from "@/components/ui/button";

// Shown in the admin shell (header and navigation stay) when a page cannot be
// rendered — in practice PostgreSQL unreachable for a moment. The cause stays
// in the server log. "Try again" re-renders the page on the server.
export default function AdminError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
  return (
    <section role="alert" className="mx-auto max-w-xl space-y-4 rounded-lg border border-red-200 bg-white p-8 text-center" data-testid="admin-error">
      <h1 ref={heading} tabIndex={-1} className="text-xl font-semibold outline-none">
        This page could not be loaded
      </h1>
      <p className="text-zinc-600">
        The inventory database did not answer, so nothing is shown rather than stale figures. Nothing was changed. Try again in a moment.
      </p>
      <Button onClick={retry}>
        <RotateCcw aria-hidden className="size-4" /> Try again
      </Button>
    </section>
  );
}
