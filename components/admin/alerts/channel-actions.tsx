"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { editChannel, sendTest } from "@/app/actions/alerts";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useAction } from "@/components/ui/use-action";

/** Per-channel buttons: send a test through the outbox, enable/disable, rotate a webhook secret. */
export function ChannelActions({ id, enabled, isWebhook }: { id: string; enabled: boolean; isWebhook: boolean }) {
  const router = useRouter();
  const test = useAction(sendTest, { errors: "toast" });
  const edit = useAction(editChannel, { errors: "toast" });
  return (
    <div className="flex flex-wrap gap-2">
      <Button
        variant="secondary"
        size="xs"
        disabled={test.pending}
        onClick={() =>
          test.run({ channelId: id }, {
            onSuccess: (n) => {
              if (n.status === "DELIVERED") toast.success("Test delivered");
              else toast.error(`Test not delivered yet: ${n.lastError ?? "queued"} (the worker keeps retrying)`);
              router.refresh();
            },
          })
        }
      >
        {test.pending ? "Sending…" : "Send test"}
      </Button>
      <Button variant="secondary" size="xs" disabled={edit.pending} onClick={() => edit.run({ id, enabled: !enabled }, { onSuccess: () => toast.success(enabled ? "Channel disabled" : "Channel enabled") })}>
        {enabled ? "Disable" : "Enable"}
      </Button>
      {isWebhook ? (
        <ConfirmDialog
          title="Rotate the signing secret?"
          description="The current secret stops working at once: receivers must be updated with the new one, which is shown only once."
          confirmLabel="Rotate secret"
          onConfirm={() => edit.run({ id, rotateSecret: true }, { onSuccess: (r) => r.newSecret && window.prompt("New signing secret (shown once):", r.newSecret) })}
          trigger={
            <Button variant="secondary" size="xs" disabled={edit.pending}>
              Rotate secret
            </Button>
          }
        />
      ) : null}
    </div>
  );
}
