import { NextResponse } from "next/server";
import { requireRequestUser } from "@/lib/admin/request-guard";
import { verifyLedger } from "@/lib/inventory";
import { jsonError } from "@/lib/http/json-error";

export const dynamic = "force-dynamic";

/** The admin-callable ledger check: on-hand = Σ movements and reserved = Σ holds, for every stock level. */
export async function GET(request: Request) {
  try {
    await requireRequestUser(request, "ADMIN");
    const report = await verifyLedger();
    return NextResponse.json(report, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return jsonError(error, "GET /api/admin/ledger", "staff");
  }
}
