import type { BulkApplyOutcome, BulkPreviewOutcome, BulkProgress } from "@/lib/bulk/upload";
import type { ActionError } from "@/lib/actions/result";

export type UploadProgress = { phase: "uploading"; loaded: number; total: number } | BulkProgress;

type Line = { type: "progress"; phase: BulkProgress["phase"]; rows?: number; bytes?: number } | { type: "result"; outcome: unknown } | { type: "error"; error: ActionError };

export class UploadError extends Error {
  constructor(readonly error: ActionError) {
    super(error.message);
  }
}

/**
 * Sends the file as the raw request body with XMLHttpRequest (fetch reports no
 * upload progress) and reads the NDJSON answer as it arrives: upload progress
 * first, then the server's parsing/validating/applying phases, then one result.
 */
export function sendUpload<T extends BulkPreviewOutcome | BulkApplyOutcome>(url: string, file: File, onProgress: (p: UploadProgress) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    let seen = 0;
    let outcome: T | null = null;
    let failure: ActionError | null = null;
    const drain = () => {
      const text = xhr.responseText;
      let end = text.indexOf("\n", seen);
      while (end >= 0) {
        const raw = text.slice(seen, end).trim();
        seen = end + 1;
        end = text.indexOf("\n", seen);
        if (!raw) continue;
        const line = JSON.parse(raw) as Line;
        if (line.type === "progress") onProgress({ phase: line.phase, rows: line.rows, bytes: line.bytes });
        else if (line.type === "result") outcome = line.outcome as T;
        else failure = line.error;
      }
    };
    xhr.open("POST", url);
    xhr.setRequestHeader("accept", "application/x-ndjson");
    xhr.setRequestHeader("content-type", "text/csv");
    xhr.upload.onprogress = (e) => onProgress({ phase: "uploading", loaded: e.loaded, total: e.lengthComputable ? e.total : file.size });
    xhr.onprogress = () => {
      try {
        drain();
      } catch {
        /* a partial line; the next chunk completes it */
      }
    };
    xhr.onerror = () => reject(new UploadError({ code: "UNAVAILABLE", message: "The upload was interrupted. Check your connection and try again." }));
    xhr.onload = () => {
      const contentType = xhr.getResponseHeader("content-type") ?? "";
      if (!contentType.includes("ndjson")) {
        try {
          const body = JSON.parse(xhr.responseText) as { error?: ActionError };
          return reject(new UploadError(body.error ?? { code: "INTERNAL", message: "Something went wrong. Please try again." }));
        } catch {
          return reject(new UploadError({ code: "INTERNAL", message: `The server answered ${xhr.status}. Please try again.` }));
        }
      }
      drain();
      if (outcome) resolve(outcome);
      else reject(new UploadError(failure ?? { code: "INTERNAL", message: "The server did not finish the upload. Please try again." }));
    };
    xhr.send(file);
  });
}
