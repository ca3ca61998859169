import type { UploadProgress } from "./upload-request";

const number = new Intl.NumberFormat("en");

function describe(progress: UploadProgress): { label: string; value?: number; max?: number } {
  switch (progress.phase) {
    case "uploading":
      return { label: `Uploading… ${Math.round((progress.loaded / Math.max(progress.total, 1)) * 100)}%`, value: progress.loaded, max: progress.total };
    case "parsing":
      return { label: `Reading rows… ${number.format(progress.rows ?? 0)}` };
    case "validating":
      return { label: `Checking ${number.format(progress.rows ?? 0)} rows against current stock…` };
    case "applying":
      return { label: "Applying changes…" };
    case "finishing":
      return { label: "Updating live stock and alerts…" };
  }
}

/** One line of status plus a bar: determinate while uploading, indeterminate on the server. */
export function UploadProgressBar({ progress }: { progress: UploadProgress }) {
  const { label, value, max } = describe(progress);
  return (
    <div className="space-y-1" data-testid="bulk-progress">
      <p aria-live="polite" className="text-sm text-zinc-700">{label}</p>
      <progress className="h-2 w-full overflow-hidden rounded accent-brand-600" value={value} max={max} aria-label={label} />
    </div>
  );
}
