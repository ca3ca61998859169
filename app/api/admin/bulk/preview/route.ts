import { requireRequestUser } from "@/lib/admin/request-guard";
import { assertSameOrigin, bulkUploadResponse } from "@/lib/bulk/http";
import { jsonError } from "@/lib/http/json-error";

export const dynamic = "force-dynamic";

/** POST the CSV as the raw body (?filename=): a dry run that writes nothing. */
export async function POST(request: Request) {
  try {
    assertSameOrigin(request);
    const user = await requireRequestUser(request, "OPS");
    return await bulkUploadResponse(request, user, "preview");
  } catch (error) {
    return jsonError(error, "bulk preview");
  }
}
