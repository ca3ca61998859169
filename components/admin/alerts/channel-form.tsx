"use client";

import { useState } from "react";
import { toast } from "sonner";
import { addChannel } from "@/app/actions/alerts";
import { Button } from "@/components/ui/button";
import { FormDialog } from "@/components/ui/form-dialog";
import { SelectField, TextField } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";

const HINTS = {
  WEBHOOK: "https://example.com/stockroom-webhook — requests are signed (see README)",
  SLACK: "https://hooks.slack.com/services/… (incoming webhook URL)",
  EMAIL: "ops@example.com, buyer@example.com",
} as const;

type ChannelType = keyof typeof HINTS;

/** Adds a channel; a generated webhook signing secret is shown exactly once. */
export function ChannelForm() {
  const [type, setType] = useState<ChannelType>("WEBHOOK");
  const [secret, setSecret] = useState<string | null>(null);
  const { pending, fieldErrors, run } = useAction(addChannel, { errors: "toast" });

  return (
    <form
      aria-label="Add a channel"
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const data = Object.fromEntries(new FormData(form)) as Record<string, string>;
        if (!data.secret) delete data.secret;
        run(data, {
          onSuccess: (result) => {
            toast.success(`Channel “${result.channel.name}” added`);
            setSecret(result.newSecret);
            form.reset();
            setType("WEBHOOK");
          },
        });
      }}
    >
      <SelectField name="type" label="Type" value={type} onChange={(e) => setType(e.target.value as ChannelType)}>
        <option value="WEBHOOK">Webhook</option>
        <option value="SLACK">Slack</option>
        <option value="EMAIL">Email</option>
      </SelectField>
      <TextField name="name" label="Name" required maxLength={80} errors={fieldErrors.name} />
      <div className="space-y-2">
        <TextField name="target" label={type === "EMAIL" ? "Recipients" : "URL"} required placeholder={HINTS[type]} errors={fieldErrors.target} />
        {type === "WEBHOOK" ? (
          <TextField name="secret" label="Signing secret (leave empty to generate one)" type="password" autoComplete="off" errors={fieldErrors.secret} />
        ) : null}
      </div>
      <div className="flex justify-end">
        <Button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add channel"}
        </Button>
      </div>
      {secret ? (
        <p role="status" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          Signing secret (shown once — copy it into the receiver now): <code className="break-all font-mono">{secret}</code>
        </p>
      ) : null}
    </form>
  );
}

/** "Add channel" opens the form in a dialog; it stays open after adding a webhook so its one-time secret can be copied. */
export function AddChannelDialog() {
  return (
    <FormDialog title="Add an alert channel" description="Where low-stock alerts (and back-in-stock emails, for email channels) are sent." trigger={<Button size="sm">Add channel</Button>}>
      {() => <ChannelForm />}
    </FormDialog>
  );
}
