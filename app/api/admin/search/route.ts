import { NextResponse } from "next/server";
import { requireRequestUser } from "@/lib/admin/request-guard";
import { adminSearchQuerySchema, searchAdmin } from "@/lib/admin/search";
import { jsonError } from "@/lib/http/json-error";
import { parseInput } from "@/lib/validation/parse";

export const dynamic = "force-dynamic";

/** The command palette's search: variants by SKU, product or variant name. */
export async function GET(request: Request) {
  try {
    await requireRequestUser(request, "OPS");
    const { q } = parseInput(adminSearchQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
    return NextResponse.json({ hits: await searchAdmin(q) }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return jsonError(error, "GET /api/admin/search", "staff");
  }
}
