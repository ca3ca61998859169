import { NDJSON, bulkUploadResponse } from "@/lib/bulk/http";
import { listBulkUploads } from "@/lib/inventory/bulk/history";
import { createStockedVariant, freshWarehousesPerTest } from "../helpers/fixtures";
import { csv, onHand, opsUser } from "../helpers/bulk";

const wh = freshWarehousesPerTest();

function upload(path: string, body: BodyInit, headers: Record<string, string> = {}) {
  return new Request(`http://localhost/api/admin/bulk/${path}`, { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

describe("upload route handlers", () => {
  it("previews as JSON and applies with a reference from the query string", async () => {
    const a = await createStockedVariant([wh.main], { stock: { MAIN: 3 } });
    const file = csv(["sku,warehouse,quantity,mode", `${a.sku},MAIN,8,set`]);
    const preview = await bulkUploadResponse(upload("preview?filename=count.csv", file), opsUser, "preview");
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({ mode: "preview", filename: "count.csv", totals: { changedRows: 1 }, changes: [{ onHand: 3, newOnHand: 8 }] });
    expect(await onHand(a.variantId, wh.main.id)).toBe(3);

    const applied = await bulkUploadResponse(upload("apply?filename=count.csv&reference=COUNT-77", file), opsUser, "apply");
    expect(await applied.json()).toMatchObject({ mode: "apply", status: "APPLIED", reference: "COUNT-77" });
    expect(await onHand(a.variantId, wh.main.id)).toBe(8);
    const [history] = await listBulkUploads();
    expect(history).toMatchObject({ reference: "COUNT-77", filename: "count.csv", status: "APPLIED", rowCount: 1, changedRows: 1, errorCount: 0, createdBy: "ops@stockroom.test" });
  });

  it("streams progress lines and ends with the result when asked for NDJSON", async () => {
    const a = await createStockedVariant([wh.main], { stock: { MAIN: 3 } });
    const response = await bulkUploadResponse(
      upload("apply?reference=STREAM-1", csv(["sku,warehouse,quantity,mode", `${a.sku},MAIN,1,increment`]), { accept: NDJSON }),
      opsUser,
      "apply",
    );
    expect(response.headers.get("content-type")).toBe(NDJSON);
    const lines = (await response.text()).trim().split("\n").map((l) => JSON.parse(l) as { type: string; phase?: string; outcome?: { status: string } });
    expect(lines.filter((l) => l.type === "progress").map((l) => l.phase)).toEqual(expect.arrayContaining(["parsing", "validating", "applying", "finishing"]));
    expect(lines.at(-1)).toMatchObject({ type: "result", outcome: { status: "APPLIED" } });
  });

  it("answers 413 for a declared or streamed body over the limit, and 400 for a bad reference or header", async () => {
    const declared = await bulkUploadResponse(upload("preview", "x", { "content-length": String(11 * 1024 * 1024) }), opsUser, "preview");
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual({ error: { code: "VALIDATION", message: "The file is larger than the 10 MB limit. Split it into smaller files." } });

    const streamed = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("sku,warehouse,quantity,mode,notes\n"));
        const rows = new TextEncoder().encode(`NOPE,MAIN,1,set,${"n".repeat(1_000)}\n`.repeat(1_040));
        for (let i = 0; i < 11; i++) controller.enqueue(rows);
        controller.close();
      },
    });
    expect((await bulkUploadResponse(upload("preview", streamed), opsUser, "preview")).status).toBe(413);

    const badReference = await bulkUploadResponse(upload("apply?reference=bad%20ref%3B", "sku,warehouse,quantity,mode\n"), opsUser, "apply");
    expect(badReference.status).toBe(400);
    expect((await badReference.json()).error.fieldErrors.reference[0]).toMatch(/letters, digits/);

    const badHeader = await bulkUploadResponse(upload("preview", "a,b\n1,2\n"), opsUser, "preview");
    expect(badHeader.status).toBe(400);
    expect((await badHeader.json()).error.message).toMatch(/The header is not right/);
  });

  it("reports a file error inside the NDJSON stream with its HTTP status", async () => {
    const response = await bulkUploadResponse(upload("preview", "sku\twarehouse\n", { accept: NDJSON }), opsUser, "preview");
    const last = JSON.parse((await response.text()).trim().split("\n").at(-1)!);
    expect(last).toMatchObject({ type: "error", status: 400, error: { code: "VALIDATION", message: expect.stringMatching(/tab-separated/) } });
  });
});
