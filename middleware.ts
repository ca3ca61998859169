import { NextResponse, type NextRequest } from "next/server";
import { isSameOrigin } from "@/lib/http/origin";

// Only server-action requests reach this middleware (see `config`): page and
// API reads pay nothing for it. Next.js refuses a cross-site action itself,
// but with a 500 ("Invalid Server Actions request"); answering a clear 403
// here keeps CSRF attempts out of the error logs and gives callers a 4xx.
export function middleware(request: NextRequest) {
  if (isSameOrigin(request)) return NextResponse.next();
  return NextResponse.json(
    { error: { code: "FORBIDDEN", message: "Cross-site request refused" } },
    { status: 403, headers: { "cache-control": "no-store" } },
  );
}

export const config = {
  matcher: [{ source: "/:path*", has: [{ type: "header", key: "next-action" }] }],
};
