import { listBulkUploads } from "@/lib/inventory/bulk/history";
import { db } from "@/lib/db";
import { BulkFileError } from "@/lib/bulk/errors";
import { exportStockCsv } from "@/lib/bulk/export";
import { errorReportCsv } from "@/lib/bulk/error-report";
import { applyBulkUpload, previewBulkUpload } from "@/lib/bulk/upload";
import { createStockedVariant, freshWarehousesPerTest } from "../helpers/fixtures";
import { counts, csv, csvSource, onHand, opsUser } from "../helpers/bulk";

const wh = freshWarehousesPerTest();

const preview = (text: string | Buffer, chunkSize?: number) =>
  previewBulkUpload({ source: csvSource(text, chunkSize), request: { filename: "stock.csv" } });

async function fileError(text: string | Buffer): Promise<BulkFileError> {
  const error = await preview(text).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(BulkFileError);
  return error as BulkFileError;
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("malformed files", () => {
  it("names missing and unknown columns of a bad header", async () => {
    const error = await fileError(csv(["sku,warehouse,qty,mode", "A,MAIN,1,set"]));
    expect(error.kind).toBe("BAD_HEADER");
    expect(error.httpStatus).toBe(400);
    expect(error.message).toMatch(/missing quantity; unknown "qty"/);
  });

  it("recognises a tab-separated file and says how to fix it", async () => {
    const error = await fileError(csv(["sku\twarehouse\tquantity\tmode", "A\tMAIN\t1\tset"]));
    expect(error.kind).toBe("BAD_HEADER");
    expect(error.message).toMatch(/tab-separated/);
  });

  it("rejects a file without a header line, an empty file and a header without rows", async () => {
    expect((await fileError("")).kind).toBe("EMPTY");
    expect((await fileError("\n\nsku,warehouse,quantity,mode\n")).message).toMatch(/first line is blank/);
    expect((await fileError("sku,warehouse,quantity,mode\n\n")).message).toMatch(/no rows/);
  });

  it("accepts semicolons, a UTF-8 BOM, blank lines and CRLF, and keeps file line numbers", async () => {
    const a = await createStockedVariant([wh.main], { stock: { MAIN: 2 } });
    const text = `\uFEFFSKU;Warehouse;Quantity;Mode\r\n\r\n${a.sku};main;9;SET\r\n\r\n\r\nNOPE;MAIN;1;set\r\n`;
    const result = await preview(text, 7);
    expect(result.changes).toEqual([expect.objectContaining({ line: 3, sku: a.sku, warehouse: "MAIN", onHand: 2, newOnHand: 9 })]);
    expect(result.errors).toEqual([{ line: 6, sku: "NOPE", warehouse: "MAIN", message: 'unknown sku "NOPE"' }]);
    expect(result.totals.rows).toBe(2);
  });

  it("reads quoted cells with delimiters, doubled quotes and line breaks", async () => {
    const a = await createStockedVariant([wh.main], { stock: { MAIN: 2 } });
    const text = csv([
      "sku,warehouse,quantity,mode,notes",
      `"${a.sku}",MAIN,4,set,"counted, twice ""by hand""\nsecond line"`,
      `"ODD,SKU ""X""",MAIN,1,set,`,
    ]);
    const result = await preview(text);
    expect(result.changes[0]).toMatchObject({ line: 2, newOnHand: 4 });
    expect(result.errors).toEqual([{ line: 4, sku: 'ODD,SKU "X"', warehouse: "MAIN", message: 'unknown sku "ODD,SKU "X""' }]);
    const firstRowOnly = text.split("\n").slice(0, 3).join("\n");
    expect((await applyBulkUpload({ source: csvSource(firstRowOnly), request: { reference: "Q-1" }, user: opsUser })).status).toBe("APPLIED");
    const movement = await db.inventoryMovement.findFirstOrThrow({ where: { reference: "Q-1" } });
    expect(movement.notes).toBe('counted, twice "by hand"\nsecond line');
  });

  it("refuses a quote that is never closed, with its line", async () => {
    const error = await fileError(csv(["sku,warehouse,quantity,mode", 'A,MAIN,1,set', '"B,MAIN,1,set']));
    expect(error.kind).toBe("MALFORMED");
    expect(error.message).toMatch(/quoted value is never closed/);
    const stray = await fileError(csv(["sku,warehouse,quantity,mode", 'A"5,MAIN,1,set']));
    expect(stray.message).toBe("The file cannot be read: a quote appears inside an unquoted value; wrap such values in double quotes and double the quotes inside (line 2).");
  });

  it("flags rows with too many cells, control characters and invalid UTF-8", async () => {
    const text = Buffer.concat([
      Buffer.from("sku,warehouse,quantity,mode\nA,MAIN,1,set,extra\nB\u0007,MAIN,1,set\n"),
      Buffer.from([0x43, 0xff, 0xfe]),
      Buffer.from(",MAIN,1,set\n"),
    ]);
    const result = await preview(text);
    expect(result.errors.map((e) => [e.line, e.message])).toEqual([
      [2, "has 5 cells but the header has 4 columns"],
      [3, "sku contains control characters or invalid UTF-8"],
      [4, "sku contains control characters or invalid UTF-8"],
    ]);
  });

  it("refuses a file over the size limit (10 MB) while it streams in: no stock written, the refusal listed in the history", async () => {
    const a = await createStockedVariant([wh.main], { stock: { MAIN: 2 } });
    const line = `${a.sku},MAIN,1,increment,,${"x".repeat(200)}\n`;
    const big = Buffer.from(`sku,warehouse,quantity,mode,reference,notes\n${line.repeat(Math.ceil((10.5 * 1024 * 1024) / line.length))}`);
    expect(big.length).toBeGreaterThan(10 * 1024 * 1024);
    let chunksRead = 0;
    async function* counted() {
      for await (const chunk of csvSource(big)) {
        chunksRead += 1;
        yield chunk;
      }
    }
    const before = await counts();
    const error = await applyBulkUpload({ source: counted(), request: { reference: "BIG-1" }, user: opsUser }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BulkFileError);
    expect((error as BulkFileError).httpStatus).toBe(413);
    expect((error as BulkFileError).message).toBe("The file is larger than the 10 MB limit. Split it into smaller files.");
    expect(chunksRead).toBeLessThanOrEqual(Math.ceil((10 * 1024 * 1024) / (64 * 1024)) + 1);
    expect(await counts()).toEqual({ movements: before.movements, uploads: before.uploads + 1 });
    expect((await listBulkUploads())[0]).toMatchObject({ reference: "BIG-1", status: "FAILED", changedRows: 0, errorCount: 1 });
    expect(await onHand(a.variantId, wh.main.id)).toBe(2);
  });
});

describe("formula injection", () => {
  it("treats =CMD() cells as plain data on import", async () => {
    const result = await preview(csv(["sku,warehouse,quantity,mode", "=CMD(),MAIN,1,set", "@SUM(A1),=1+1,1,set"]));
    expect(result.errors.map((e) => e.message)).toEqual(['unknown sku "=CMD()"', 'unknown sku "@SUM(A1)"']);
  });

  it("exports such cells defused, and the export round-trips to no change", async () => {
    const a = await createStockedVariant([wh.main, wh.east], { stock: { MAIN: 5, EAST: 1 } });
    await db.productVariant.update({ where: { id: a.variantId }, data: { sku: "=CMD()" } });
    const b = await createStockedVariant([wh.main], { stock: { MAIN: 3 } });
    await db.productVariant.update({ where: { id: b.variantId }, data: { sku: 'plain,"quoted"' } });
    const exported = await readAll(exportStockCsv());
    expect(exported.split("\r\n")).toEqual([
      "sku,warehouse,quantity,mode",
      `"'=CMD()",EAST,1,set`,
      `"'=CMD()",MAIN,5,set`,
      `"plain,""quoted""",MAIN,3,set`,
      "",
    ]);
    const result = await applyBulkUpload({ source: csvSource(exported), request: { reference: "ROUND-TRIP" }, user: opsUser });
    expect(result.status).toBe("APPLIED");
    expect(result.totals).toMatchObject({ rows: 3, validRows: 3, errorRows: 0, changedRows: 0 });
  });

  it("defuses cells in the downloadable error report", async () => {
    await applyBulkUpload({ source: csvSource(csv(["sku,warehouse,quantity,mode", '"=HYPERLINK(""x"")",MAIN,1,set'])), request: { reference: "INJ-1" }, user: opsUser });
    const upload = await db.bulkUpload.findUniqueOrThrow({ where: { reference: "INJ-1" } });
    const report = await errorReportCsv(upload.id);
    expect(report.filename).toBe("bulk-errors-INJ-1.csv");
    expect(report.csv).toBe(`line,sku,warehouse,message\r\n2,"'=HYPERLINK(""x"")",MAIN,"unknown sku ""=HYPERLINK(""x"")"""\r\n`);
  });
});
