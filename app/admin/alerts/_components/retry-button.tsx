"use client";

import { toast } from "sonner";
import { retryDeadNotification } from "@/app/actions/alerts";
import { useAdminAction } from "./use-action";

export function RetryButton({ id }: { id: string }) {
  const { pending, run } = useAdminAction(retryDeadNotification);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => run({ id }, (n) => (n.status === "DELIVERED" ? toast.success("Delivered") : toast.error(`Still failing: ${n.lastError ?? "queued"}`)))}
      className="rounded-md border border-zinc-300 bg-white px-2.5 py-1 text-xs font-medium hover:bg-zinc-50 disabled:opacity-60"
    >
      {pending ? "Retrying…" : "Retry"}
    </button>
  );
}
