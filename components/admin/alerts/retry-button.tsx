"use client";

import { toast } from "sonner";
import { retryDeadNotification } from "@/app/actions/alerts";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";

export function RetryButton({ id }: { id: string }) {
  const { pending, run } = useAction(retryDeadNotification, { errors: "toast" });
  return (
    <Button
      variant="secondary"
      size="xs"
      disabled={pending}
      onClick={() => run({ id }, { onSuccess: (n) => (n.status === "DELIVERED" ? toast.success("Delivered") : toast.error(`Still failing: ${n.lastError ?? "queued"}`)) })}
    >
      {pending ? "Retrying…" : "Retry"}
    </Button>
  );
}
