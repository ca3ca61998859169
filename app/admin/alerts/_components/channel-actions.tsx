"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { editChannel, sendTest } from "@/app/actions/alerts";
import { useAdminAction } from "./use-action";

const button = "rounded-md border border-zinc-300 bg-white px-2.5 py-1 text-xs font-medium hover:bg-zinc-50 disabled:opacity-60";

/** Per-channel buttons: send a test through the outbox, enable/disable, rotate a webhook secret. */
export function ChannelActions({ id, enabled, isWebhook }: { id: string; enabled: boolean; isWebhook: boolean }) {
  const router = useRouter();
  const test = useAdminAction(sendTest);
  const edit = useAdminAction(editChannel);
  return (
    <div className="flex flex-wrap gap-2">
      <button
        type="button"
        className={button}
        disabled={test.pending}
        onClick={() =>
          test.run({ channelId: id }, (n) => {
            if (n.status === "DELIVERED") toast.success("Test delivered");
            else toast.error(`Test not delivered yet: ${n.lastError ?? "queued"} (the worker keeps retrying)`);
            router.refresh();
          })
        }
      >
        {test.pending ? "Sending…" : "Send test"}
      </button>
      <button type="button" className={button} disabled={edit.pending} onClick={() => edit.run({ id, enabled: !enabled }, () => toast.success(enabled ? "Channel disabled" : "Channel enabled"))}>
        {enabled ? "Disable" : "Enable"}
      </button>
      {isWebhook ? (
        <button
          type="button"
          className={button}
          disabled={edit.pending}
          onClick={() => {
            if (!window.confirm("Rotate the signing secret? Receivers must be updated with the new one.")) return;
            edit.run({ id, rotateSecret: true }, (r) => r.newSecret && window.prompt("New signing secret (shown once):", r.newSecret));
          }}
        >
          Rotate secret
        </button>
      ) : null}
    </div>
  );
}
