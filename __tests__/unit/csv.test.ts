import { describe, expect, it } from "@jest/globals";
import { parse } from "csv-parse/sync";
import { errorsToCsv } from "@/lib/bulk/error-csv";
import { csvRows, unprotectCell } from "@/lib/csv";

const cell = (value: string | number | null | undefined) => csvRows([[value]]).slice(0, -2);

describe("csvRows", () => {
  it.each([
    ["=CMD()", `"'=CMD()"`],
    ["+1", `"'+1"`],
    ["-2", `"'-2"`],
    ["-1 box", `"'-1 box"`],
    ["@SUM(A1)", `"'@SUM(A1)"`],
    ["\tTAB", `"'\tTAB"`],
    ["a,b", `"a,b"`],
    ["a;b", `"a;b"`],
    ['say "hi"', `"say ""hi"""`],
    ["line\nbreak", `"line\nbreak"`],
    ["carriage\rreturn", `"carriage\rreturn"`],
    ["PLAIN-1", "PLAIN-1"],
  ])("makes %j spreadsheet-safe as %s", (value, expected) => {
    expect(cell(value)).toBe(expected);
  });

  it("writes numbers (negative ones too) and empty values plainly, one CRLF per row", () => {
    expect(csvRows([[5, -3, null, undefined, "x"], ["y"]])).toBe("5,-3,,,x\r\ny\r\n");
  });

  it("reads back as the same cells once the protection is undone", () => {
    const values = ["=CMD()", "a,b", "a;b", 'say "hi"', "two\nlines", "O'Neil", "-1 box", "plain"];
    const [parsed] = parse(csvRows([values]), { relax_quotes: false }) as string[][];
    expect(parsed!.map(unprotectCell)).toEqual(values);
  });
});

describe("unprotectCell", () => {
  it("undoes only the protection csvRows added", () => {
    expect(unprotectCell("'=CMD()")).toBe("=CMD()");
    expect(unprotectCell("'-2")).toBe("-2");
    expect(unprotectCell("'quoted'")).toBe("'quoted'");
    expect(unprotectCell("O'Neil")).toBe("O'Neil");
  });
});

describe("errorsToCsv", () => {
  it("builds the bulk error report with a header", () => {
    expect(errorsToCsv([{ line: 3, sku: "=X", warehouse: "MAIN", message: "unknown sku" }])).toBe(`line,sku,warehouse,message\r\n3,"'=X",MAIN,unknown sku\r\n`);
  });
});
