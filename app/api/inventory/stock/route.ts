import { NextResponse } from "next/server";
import { jsonError } from "@/lib/http/json-error";
import { NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { getProductAvailability } from "@/lib/store/product";
import { streamQuerySchema } from "@/lib/validation/store";

export const dynamic = "force-dynamic";

/** GET /api/inventory/stock?productId=…[&variantId=…] — current availability as JSON (cached reads). */
export async function GET(request: Request): Promise<Response> {
  try {
    const url = new URL(request.url);
    const { productId, variantId } = parseInput(streamQuerySchema, {
      productId: url.searchParams.get("productId") ?? undefined,
      variantId: url.searchParams.get("variantId") ?? undefined,
    });
    const all = await getProductAvailability(productId);
    if (!all.length) throw new NotFoundError("No such product");
    const variants = variantId ? all.filter((v) => v.variantId === variantId) : all;
    if (!variants.length) throw new NotFoundError("No such variant for this product");
    return NextResponse.json({ productId, variants }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return jsonError(error, "GET /api/inventory/stock");
  }
}
