import { requireRequestUser } from "@/lib/admin/request-guard";
import { bulkUploadResponse } from "@/lib/bulk/http";
import { jsonError } from "@/lib/http/json-error";
import { sameOriginOnly } from "@/lib/http/same-origin";

export const dynamic = "force-dynamic";

/** POST the CSV as the raw body (?filename=): a dry run that writes nothing. */
export const POST = sameOriginOnly(async (request: Request) => {
  try {
    const user = await requireRequestUser(request, "OPS");
    return await bulkUploadResponse(request, user, "preview");
  } catch (error) {
    return jsonError(error, "bulk preview", "staff");
  }
});
