import { NextResponse, type NextRequest } from "next/server";
import { actionBodyProblem } from "@/lib/http/action-body";
import { isSameOrigin } from "@/lib/http/origin";

// Only server-action requests (and multipart posts to pages: forms submitted
// without JavaScript) reach this middleware (see `config`): page and API reads
// pay nothing for it. Next.js answers a 500 both for a cross-site
// action ("Invalid Server Actions request") and for a body it cannot decode
// or that is over its size limit; answering 403 / 400 / 413 / 415 here keeps
// CSRF attempts and junk out of the error logs and gives callers a 4xx.
const refuse = (status: number, code: string, message: string) =>
  NextResponse.json({ error: { code, message } }, { status, headers: { "cache-control": "no-store" } });

export async function middleware(request: NextRequest) {
  if (!isSameOrigin(request)) return refuse(403, "FORBIDDEN", "Cross-site request refused");
  const problem = await actionBodyProblem(request);
  if (problem) return refuse(problem.status, problem.status === 413 ? "PAYLOAD_TOO_LARGE" : "BAD_REQUEST", problem.message);
  return NextResponse.next();
}

export const config = {
  matcher: [
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
    // Forms posted without JavaScript carry the action id in the body instead of a header.
    { source: "/((?!api/|_next/).*)", has: [{ type: "header", key: "content-type", value: "multipart/form-data.*" }] },
  ],
};
