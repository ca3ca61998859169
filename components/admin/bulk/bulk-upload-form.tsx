"use client";

import { useId, useRef, useState } from "react";
import { toast } from "sonner";
import { CheckCircle2, Download, FileUp, Info, TriangleAlert } from "lucide-react";
import { errorsToCsv } from "@/lib/bulk/error-csv";
import { formatBytes } from "@/lib/inventory/bulk/format";
import type { BulkApplyOutcome, BulkPreviewOutcome } from "@/lib/bulk/upload";
import { priorVerdict, type PriorVerdict } from "@/lib/bulk/prior-verdict";
import { Button } from "@/components/ui/button";
import { inputStyles } from "@/components/ui/input-styles";
import { LocalTime, TextWithTimes } from "@/components/ui/local-time";
import { ChangesTable, ErrorsTable, Totals } from "./result-tables";
import { UploadProgressBar } from "./upload-progress";
import { UploadError, sendUpload, type UploadProgress } from "./upload-request";

type State =
  | { step: "idle" }
  | { step: "working"; progress: UploadProgress }
  | { step: "previewed"; preview: BulkPreviewOutcome }
  | { step: "applied"; outcome: BulkApplyOutcome }
  | { step: "failed"; message: string; preview?: BulkPreviewOutcome };

const REFERENCE = /^[\w.:/#-]{1,120}$/;

function downloadErrors(outcome: { errors: BulkPreviewOutcome["errors"]; filename: string }) {
  const url = URL.createObjectURL(new Blob([errorsToCsv(outcome.errors)], { type: "text/csv" }));
  const link = Object.assign(document.createElement("a"), { href: url, download: `errors-${outcome.filename}` });
  link.click();
  URL.revokeObjectURL(url);
}

export function BulkUploadForm({ maxBytes }: { maxBytes: number }) {
  const ids = { file: useId(), reference: useId(), help: useId() };
  const [file, setFile] = useState<File | null>(null);
  const [reference, setReference] = useState("");
  const [state, setState] = useState<State>({ step: "idle" });
  const resultRef = useRef<HTMLDivElement>(null);
  const busy = state.step === "working";
  const referenceValid = REFERENCE.test(reference);
  const preview = state.step === "previewed" ? state.preview : state.step === "failed" ? state.preview : undefined;
  // Decided at preview, for the reference as typed now: no "already applied" surprise on Apply.
  const verdict = preview && referenceValid ? priorVerdict(preview.prior ?? [], reference) : null;
  const blocked = verdict?.kind === "applied" || verdict?.kind === "reference-taken";
  const canApply = state.step === "previewed" && state.preview.totals.errorRows === 0 && referenceValid && !blocked && !busy;

  const run = async <T extends BulkPreviewOutcome | BulkApplyOutcome>(url: string): Promise<T | null> => {
    if (!file) return null;
    if (file.size > maxBytes) {
      setState({ step: "failed", message: `The file is ${formatBytes(file.size)}; the limit is ${formatBytes(maxBytes)}. Split it into smaller files.` });
      return null;
    }
    setState({ step: "working", progress: { phase: "uploading", loaded: 0, total: file.size } });
    try {
      return await sendUpload<T>(url, file, (progress) => setState({ step: "working", progress }));
    } catch (error) {
      setState({ step: "failed", message: error instanceof UploadError ? error.message : "Something went wrong. Please try again." });
      return null;
    } finally {
      requestAnimationFrame(() => resultRef.current?.focus());
    }
  };

  const onPreview = async (event: React.FormEvent) => {
    event.preventDefault();
    const query = new URLSearchParams({ filename: file?.name ?? "", ...(referenceValid ? { reference } : {}) });
    const outcome = await run<BulkPreviewOutcome>(`/api/admin/bulk/preview?${query}`);
    if (outcome) setState({ step: "previewed", preview: outcome });
  };

  const onApply = async () => {
    const kept = preview;
    const query = new URLSearchParams({ filename: file?.name ?? "", reference });
    const outcome = await run<BulkApplyOutcome>(`/api/admin/bulk/apply?${query}`);
    if (!outcome) return;
    if (outcome.status === "FAILED") {
      setState({ step: "failed", message: "Stock changed since the preview, so nothing was applied. Fix the rows below and try again.", preview: kept && { ...kept, errors: outcome.errors, totals: outcome.totals } });
      return;
    }
    setState({ step: "applied", outcome });
    if (outcome.status === "APPLIED") toast.success(`Applied ${outcome.totals.changedRows} ${outcome.totals.changedRows === 1 ? "change" : "changes"}`);
  };

  return (
    <div className="space-y-6">
      <form onSubmit={onPreview} className="grid gap-4 rounded-lg border border-zinc-200 bg-white p-4 sm:grid-cols-[1fr_16rem_auto] sm:items-end" aria-describedby={ids.help}>
        <div>
          <label htmlFor={ids.file} className="block text-sm font-medium">CSV file</label>
          <input
            id={ids.file}
            name="file"
            type="file"
            accept=".csv,text/csv"
            required
            disabled={busy}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setState({ step: "idle" });
            }}
            className="mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-zinc-100 file:px-3 file:py-2 file:text-sm file:font-medium hover:file:bg-zinc-200"
          />
        </div>
        <div>
          <label htmlFor={ids.reference} className="block text-sm font-medium">Reference</label>
          <input
            id={ids.reference}
            name="reference"
            value={reference}
            onChange={(e) => setReference(e.target.value.trim())}
            placeholder="e.g. COUNT-2026-11-25"
            maxLength={120}
            aria-invalid={reference !== "" && !referenceValid}
            className={`mt-1 ${inputStyles}`}
          />
        </div>
        <Button type="submit" disabled={!file || busy}>
          <FileUp aria-hidden className="size-4" /> Check file
        </Button>
        <p id={ids.help} className="text-xs text-zinc-500 sm:col-span-3">
          Checking writes nothing. The reference (letters, digits and . : / # - _) is stored on every stock movement; applying the same file
          with the same reference again changes nothing.
        </p>
      </form>

      <div ref={resultRef} tabIndex={-1} className="space-y-4 outline-none" aria-live="polite">
        {state.step === "working" && <UploadProgressBar progress={state.progress} />}
        {state.step === "failed" && (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"><TextWithTimes text={state.message} /></p>
        )}
        {state.step === "applied" && <AppliedBanner outcome={state.outcome} />}
        {preview && (
          <>
            <Totals totals={preview.totals} />
            {state.step === "previewed" && verdict && <PriorUploadNotice verdict={verdict} />}
            <div className="flex flex-wrap items-center gap-3">
              {state.step === "previewed" && (
                <Button onClick={onApply} disabled={!canApply}>
                  <CheckCircle2 aria-hidden className="size-4" /> {verdict?.kind === "file-applied" ? "Apply again:" : "Apply"} {preview.totals.changedRows} {preview.totals.changedRows === 1 ? "change" : "changes"}
                </Button>
              )}
              {preview.errors.length > 0 && (
                <Button variant="secondary" onClick={() => downloadErrors(preview)}>
                  <Download aria-hidden className="size-4" /> Download error report
                </Button>
              )}
              {state.step === "previewed" && !canApply && (
                <p className="text-sm text-zinc-600">
                  {preview.totals.errorRows > 0
                    ? "Fix the rows below and check the file again to apply it."
                    : verdict?.kind === "applied"
                      ? "Nothing to apply."
                      : verdict?.kind === "reference-taken"
                        ? "Choose a new reference to apply."
                        : "Enter a reference to apply."}
                </p>
              )}
            </div>
            <ErrorsTable errors={preview.errors} total={preview.totals.errorRows} />
            <ChangesTable changes={preview.changes} total={preview.totals.changedRows} />
          </>
        )}
      </div>
    </div>
  );
}

function PriorUploadNotice({ verdict }: { verdict: NonNullable<PriorVerdict> }) {
  const { upload } = verdict;
  const when = <><LocalTime value={upload.appliedAt} /> by {upload.appliedBy}</>;
  if (verdict.kind === "file-applied") {
    return (
      <p role="alert" className="flex items-start gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="prior-upload" data-kind={verdict.kind}>
        <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
        <span>This same file was already applied as “{upload.reference}” on {when}. Applying it under another reference changes stock again.</span>
      </p>
    );
  }
  return (
    <p role="alert" className="flex items-start gap-2 rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900" data-testid="prior-upload" data-kind={verdict.kind}>
      <Info aria-hidden className="mt-0.5 size-4 shrink-0" />
      {verdict.kind === "applied" ? (
        <span>This file was already applied as “{upload.reference}” on {when}. Applying it again changes nothing.</span>
      ) : (
        <span>Reference “{upload.reference}” was already used for a different file on {when}. Choose a new reference.</span>
      )}
    </p>
  );
}

function AppliedBanner({ outcome }: { outcome: BulkApplyOutcome }) {
  if (outcome.status === "ALREADY_APPLIED") {
    return (
      <p role="status" className="flex items-center gap-2 rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900">
        <Info aria-hidden className="size-4" /> This file was already applied as “{outcome.reference}” on <LocalTime value={outcome.appliedAt} /> by {outcome.appliedBy}. Nothing was changed.
      </p>
    );
  }
  return (
    <div role="status" className="space-y-1 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
      <p className="flex items-center gap-2 font-medium">
        <CheckCircle2 aria-hidden className="size-4" /> Applied “{outcome.reference}”: {outcome.totals.changedRows} stock levels changed
        (+{outcome.totals.unitsAdded} / −{outcome.totals.unitsRemoved} units).
      </p>
      {outcome.lowStock.length > 0 && (
        <p>Now low on stock: {outcome.lowStock.slice(0, 10).map((v) => `${v.sku} (${v.available})`).join(", ")}{outcome.lowStock.length > 10 ? ` and ${outcome.lowStock.length - 10} more` : ""}.</p>
      )}
    </div>
  );
}
