"use client";

import { useState } from "react";
import { toast } from "sonner";
import { addChannel } from "@/app/actions/alerts";
import { useAdminAction } from "./use-action";

const HINTS = {
  WEBHOOK: "https://example.com/stockroom-webhook — requests are signed (see README)",
  SLACK: "https://hooks.slack.com/services/… (incoming webhook URL)",
  EMAIL: "ops@example.com, buyer@example.com",
} as const;

type ChannelType = keyof typeof HINTS;

const input = "w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm aria-[invalid=true]:border-red-500";

function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  return messages?.length ? <p id={id} className="mt-1 text-xs text-red-700">{messages[0]}</p> : null;
}

/** Adds a channel; a generated webhook signing secret is shown exactly once. */
export function ChannelForm() {
  const [type, setType] = useState<ChannelType>("WEBHOOK");
  const [secret, setSecret] = useState<string | null>(null);
  const { pending, fieldErrors, run } = useAdminAction(addChannel);

  return (
    <form
      className="grid gap-3 rounded-lg border border-zinc-200 bg-white p-4 sm:grid-cols-[10rem_1fr_2fr_auto] sm:items-start"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const data = Object.fromEntries(new FormData(form)) as Record<string, string>;
        if (!data.secret) delete data.secret;
        run(data, (result) => {
          toast.success(`Channel “${result.channel.name}” added`);
          setSecret(result.newSecret);
          form.reset();
          setType("WEBHOOK");
        });
      }}
    >
      <div>
        <label htmlFor="channel-type" className="mb-1 block text-xs font-medium text-zinc-700">Type</label>
        <select id="channel-type" name="type" value={type} onChange={(e) => setType(e.target.value as ChannelType)} className={input}>
          <option value="WEBHOOK">Webhook</option>
          <option value="SLACK">Slack</option>
          <option value="EMAIL">Email</option>
        </select>
      </div>
      <div>
        <label htmlFor="channel-name" className="mb-1 block text-xs font-medium text-zinc-700">Name</label>
        <input id="channel-name" name="name" required maxLength={80} className={input} aria-invalid={Boolean(fieldErrors.name)} aria-describedby="channel-name-error" />
        <FieldError id="channel-name-error" messages={fieldErrors.name} />
      </div>
      <div>
        <label htmlFor="channel-target" className="mb-1 block text-xs font-medium text-zinc-700">{type === "EMAIL" ? "Recipients" : "URL"}</label>
        <input id="channel-target" name="target" required placeholder={HINTS[type]} className={input} aria-invalid={Boolean(fieldErrors.target)} aria-describedby="channel-target-error" />
        <FieldError id="channel-target-error" messages={fieldErrors.target} />
        {type === "WEBHOOK" ? (
          <>
            <label htmlFor="channel-secret" className="mb-1 mt-2 block text-xs font-medium text-zinc-700">Signing secret (leave empty to generate one)</label>
            <input id="channel-secret" name="secret" type="password" autoComplete="off" className={input} aria-invalid={Boolean(fieldErrors.secret)} aria-describedby="channel-secret-error" />
            <FieldError id="channel-secret-error" messages={fieldErrors.secret} />
          </>
        ) : null}
      </div>
      <button type="submit" disabled={pending} className="self-end rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {pending ? "Adding…" : "Add channel"}
      </button>
      {secret ? (
        <p role="status" className="sm:col-span-4 rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          Signing secret (shown once — copy it into the receiver now): <code className="break-all font-mono">{secret}</code>
        </p>
      ) : null}
    </form>
  );
}
