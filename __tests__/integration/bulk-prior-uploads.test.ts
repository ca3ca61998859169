import { describe, expect, it } from "@jest/globals";
import { bulkUploadResponse } from "@/lib/bulk/http";
import { priorVerdict } from "@/lib/bulk/prior-verdict";
import { applyBulkUpload, previewBulkUpload } from "@/lib/bulk/upload";
import { listBulkUploads } from "@/lib/inventory/bulk/history";
import { createStockedVariant, freshWarehousesPerTest } from "../helpers/fixtures";
import { counts, csv, csvSource, onHand, opsUser } from "../helpers/bulk";

// A preview warns about an earlier apply of the same file or reference, so
// "already applied" is never first heard on Apply; an apply refused because
// the file is unreadable is listed in the upload history.

const wh = freshWarehousesPerTest();
const preview = (text: string, request: Record<string, string> = {}) => previewBulkUpload({ source: csvSource(text), request: { filename: "count.csv", ...request } });
const apply = (text: string, reference: string) => applyBulkUpload({ source: csvSource(text), request: { filename: "count.csv", reference }, user: opsUser });

describe("preview of an already applied upload", () => {
  it("says, at preview, that this file under this reference was applied (Apply would change nothing)", async () => {
    const a = await createStockedVariant([wh.main], { stock: { MAIN: 3 } });
    const file = csv(["sku,warehouse,quantity,mode", `${a.sku},MAIN,2,increment`]);
    expect((await preview(file, { reference: "COUNT-1" })).prior).toEqual([]);
    await apply(file, "COUNT-1");
    expect(await onHand(a.variantId, wh.main.id)).toBe(5);

    const again = await preview(file, { reference: "COUNT-1" });
    expect(again.totals.changedRows).toBe(1);
    expect(again.prior).toEqual([expect.objectContaining({ reference: "COUNT-1", appliedBy: "ops@stockroom.test", sameFile: true })]);
    expect(priorVerdict(again.prior, "COUNT-1")?.kind).toBe("applied");
    // The same file under a new reference would add the units again: a warning, not a refusal.
    expect(priorVerdict(again.prior, "COUNT-2")).toMatchObject({ kind: "file-applied", upload: { reference: "COUNT-1" } });
    // Previews write nothing.
    expect(await onHand(a.variantId, wh.main.id)).toBe(5);
  });

  it("says that the reference is taken by a different file", async () => {
    const a = await createStockedVariant([wh.main], { stock: { MAIN: 3 } });
    await apply(csv(["sku,warehouse,quantity,mode", `${a.sku},MAIN,1,increment`]), "COUNT-9");
    const other = await preview(csv(["sku,warehouse,quantity,mode", `${a.sku},MAIN,7,set`]), { reference: "COUNT-9" });
    expect(priorVerdict(other.prior, "COUNT-9")).toMatchObject({ kind: "reference-taken", upload: { reference: "COUNT-9" } });
    expect(priorVerdict(other.prior, "COUNT-10")).toBeNull();
  });

  it("ignores an unusable reference at preview (Apply validates it)", async () => {
    const a = await createStockedVariant([wh.main], { stock: { MAIN: 3 } });
    const result = await preview(csv(["sku,warehouse,quantity,mode", `${a.sku},MAIN,1,increment`]), { reference: "bad ref;" });
    expect(result.prior).toEqual([]);
  });
});

describe("refused uploads in the history", () => {
  it("lists an apply refused for an unreadable file, with its reason as the error report", async () => {
    const before = await counts();
    const request = new Request("http://localhost/api/admin/bulk/apply?filename=broken.csv&reference=BROKEN-1", { method: "POST", body: "a,b\n1,2\n" });
    const response = await bulkUploadResponse(request, opsUser, "apply");
    expect(response.status).toBe(400);
    const [history] = await listBulkUploads();
    expect(history).toMatchObject({ reference: "BROKEN-1", filename: "broken.csv", status: "FAILED", changedRows: 0, errorCount: 1, createdBy: "ops@stockroom.test" });
    expect((await counts()).movements).toBe(before.movements);
  });

  it("lists an apply refused for row errors", async () => {
    await apply(csv(["sku,warehouse,quantity,mode", "NOPE,MAIN,1,set"]), "ROWS-1");
    expect(await listBulkUploads()).toEqual([expect.objectContaining({ reference: "ROWS-1", status: "FAILED", errorCount: 1 })]);
  });
});
