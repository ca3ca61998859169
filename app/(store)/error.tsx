"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";

// Shown when a store page cannot be rendered — in practice almost always
// because PostgreSQL is unreachable for a moment (the server logs the cause;
// the message here never includes it). Retrying re-renders the page on the
// server, so the shopper recovers without losing their cart.
export default function StoreError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section role="alert" className="mx-auto max-w-xl space-y-4 py-16 text-center">
      <h1 ref={heading} tabIndex={-1} className="text-2xl font-semibold outline-none">
        The store is temporarily unavailable
      </h1>
      <p className="text-zinc-600">We could not load this page just now. Your cart is safe — please try again in a moment.</p>
      <Button onClick={reset}>Try again</Button>
    </section>
  );
}
