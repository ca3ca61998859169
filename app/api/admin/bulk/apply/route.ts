import { requireRequestUser } from "@/lib/admin/request-guard";
import { assertSameOrigin, bulkUploadResponse } from "@/lib/bulk/http";
import { jsonError } from "@/lib/http/json-error";

export const dynamic = "force-dynamic";

/** POST the CSV as the raw body (?filename=&reference=): applies it all-or-nothing, once per reference. */
export async function POST(request: Request) {
  try {
    assertSameOrigin(request);
    const user = await requireRequestUser(request, "OPS");
    return await bulkUploadResponse(request, user, "apply");
  } catch (error) {
    return jsonError(error, "bulk apply");
  }
}
