import { NextResponse } from "next/server";
import type { SessionUser } from "@/lib/auth/roles";
import { env } from "@/lib/env";
import { jsonError } from "@/lib/http/json-error";
import { toActionError } from "@/lib/http/public-error";
import { BulkFileError, formatBytes } from "./errors";
import { applyBulkUpload, previewBulkUpload, type BulkProgress } from "./upload";

// Route-handler side of an upload. The CSV is the raw request body (not
// multipart), so it streams straight into the parser and an oversized file is
// refused after at most the limit has been read. With `Accept:
// application/x-ndjson` the answer is a stream of progress lines ending in
// one result or error line; otherwise one JSON body with a proper status.

export const NDJSON = "application/x-ndjson";

async function* chunksOf(body: ReadableStream<Uint8Array> | null): AsyncIterable<Uint8Array> {
  if (!body) return;
  const reader = body.getReader();
  try {
    for (let next = await reader.read(); !next.done; next = await reader.read()) yield next.value;
  } finally {
    reader.releaseLock();
  }
}

function errorResponse(error: unknown, context: string): Response {
  if (error instanceof BulkFileError) {
    return NextResponse.json({ error: toActionError(error, context, "staff") }, { status: error.httpStatus, headers: { "cache-control": "no-store" } });
  }
  return jsonError(error, context, "staff");
}

export async function bulkUploadResponse(request: Request, user: SessionUser, mode: "preview" | "apply"): Promise<Response> {
  const context = `bulk ${mode}`;
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > env.BULK_UPLOAD_MAX_BYTES) {
    return errorResponse(new BulkFileError("TOO_LARGE", `The file is larger than the ${formatBytes(env.BULK_UPLOAD_MAX_BYTES)} limit. Split it into smaller files.`), context);
  }
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const run = (onProgress?: (p: BulkProgress) => void) => {
    const common = { source: chunksOf(request.body), onProgress };
    return mode === "preview" ? previewBulkUpload({ ...common, request: query }) : applyBulkUpload({ ...common, request: query, user });
  };

  if (!(request.headers.get("accept") ?? "").includes(NDJSON)) {
    try {
      return NextResponse.json(await run(), { headers: { "cache-control": "no-store" } });
    } catch (error) {
      return errorResponse(error, context);
    }
  }

  const encoder = new TextEncoder();
  const stream = new TransformStream<string, Uint8Array>({ transform: (line, controller) => controller.enqueue(encoder.encode(`${line}\n`)) });
  const writer = stream.writable.getWriter();
  const send = (value: unknown) => void writer.write(JSON.stringify(value)).catch(() => {});
  void (async () => {
    try {
      const outcome = await run((progress) => send({ type: "progress", ...progress }));
      send({ type: "result", outcome });
    } catch (error) {
      const status = error instanceof BulkFileError ? error.httpStatus : undefined;
      send({ type: "error", status, error: toActionError(error, context, "staff") });
    } finally {
      await writer.close().catch(() => {});
    }
  })();
  return new Response(stream.readable, { headers: { "content-type": NDJSON, "cache-control": "no-store", "x-accel-buffering": "no" } });
}
