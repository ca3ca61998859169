import { requireRequestUser } from "@/lib/admin/request-guard";
import { bulkUploadResponse } from "@/lib/bulk/http";
import { jsonError } from "@/lib/http/json-error";
import { sameOriginOnly } from "@/lib/http/same-origin";

export const dynamic = "force-dynamic";

/** POST the CSV as the raw body (?filename=&reference=): applies it all-or-nothing, once per reference. */
export const POST = sameOriginOnly(async (request: Request) => {
  try {
    const user = await requireRequestUser(request, "OPS");
    return await bulkUploadResponse(request, user, "apply");
  } catch (error) {
    return jsonError(error, "bulk apply", "staff");
  }
});
