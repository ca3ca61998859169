// No imports: used by middleware.ts, which runs in the edge runtime.

/** Next.js refuses server-action bodies above this (serverActions.bodySizeLimit, 1 MB by default). */
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;
/** Far deeper than any argument our actions take; deep enough nesting exhausts the decoder's stack. */
const MAX_DEPTH = 32;

export type BodyProblem = { status: 400 | 413 | 415; message: string };

function tooDeep(value: unknown): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== "object") continue;
    if (depth >= MAX_DEPTH) return true;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * What is wrong with a server-action request's body, before Next.js decodes
 * it: Next answers a 500 for a body it cannot decode (not JSON, a broken
 * multipart, nesting deep enough to exhaust its stack) or one over its size
 * limit. Our actions take plain objects (JSON text) or forms (multipart), so
 * anything else is refused here with a 4xx and never reaches the decoder.
 */
export async function actionBodyProblem(request: Request): Promise<BodyProblem | null> {
  if (request.method !== "POST") return null;
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > ACTION_BODY_LIMIT_BYTES) return { status: 413, message: "Request body is too large" };
  const contentType = request.headers.get("content-type") ?? "text/plain";
  const type = contentType.toLowerCase(); // for matching only: the multipart boundary is case-sensitive
  try {
    if (type.startsWith("multipart/form-data")) {
      const body = await request.clone().arrayBuffer();
      if (body.byteLength > ACTION_BODY_LIMIT_BYTES) return { status: 413, message: "Request body is too large" };
      await new Request("http://body.check", { method: "POST", headers: { "content-type": contentType }, body }).formData();
      return null;
    }
    if (!type.startsWith("text/plain")) return { status: 415, message: "Unsupported content type for an action" };
    const text = await request.clone().text();
    if (new TextEncoder().encode(text).byteLength > ACTION_BODY_LIMIT_BYTES) return { status: 413, message: "Request body is too large" };
    const args: unknown = JSON.parse(text);
    if (!Array.isArray(args)) return { status: 400, message: "Malformed action arguments" };
    if (tooDeep(args)) return { status: 400, message: "Action arguments are nested too deeply" };
    return null;
  } catch {
    return { status: 400, message: "Malformed action request body" };
  }
}
