import { BulkFileError } from "./errors";
import { OPTIONAL_COLUMNS, REQUIRED_COLUMNS, type BulkColumn } from "@/lib/inventory/bulk/format";

const KNOWN: readonly string[] = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS];
const HEADER_HELP = `The first line must be a header naming the columns ${REQUIRED_COLUMNS.join(", ")} (optional: ${OPTIONAL_COLUMNS.join(", ")}), separated by commas or semicolons.`;
const MAX_HEADER_BYTES = 8 * 1024;

/**
 * Reads chunks until the first line is complete and picks its delimiter:
 * whichever of comma and semicolon it contains more of. Returns the bytes read
 * so far, which the parser then sees from the start.
 */
export async function readHeader(
  iterator: AsyncIterator<Uint8Array>,
  meter: (chunk: Uint8Array) => void,
): Promise<{ delimiter: "," | ";"; head: Buffer }> {
  const chunks: Buffer[] = [];
  let length = 0;
  let newline = -1;
  while (newline < 0 && length <= MAX_HEADER_BYTES) {
    const next = await iterator.next();
    if (next.done) break;
    meter(next.value);
    const chunk = Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
    const at = chunk.indexOf(0x0a);
    if (at >= 0) newline = length + at;
    chunks.push(chunk);
    length += chunk.byteLength;
  }
  const head = Buffer.concat(chunks);
  const firstLine = head.subarray(0, newline >= 0 ? newline : Math.min(head.length, MAX_HEADER_BYTES)).toString("utf8").replace(/^\uFEFF/, "");
  if (!firstLine.trim()) {
    throw new BulkFileError(head.length ? "BAD_HEADER" : "EMPTY", head.length ? `The first line is blank. ${HEADER_HELP}` : "The file is empty: it needs a header line and at least one row.");
  }
  const commas = firstLine.split(",").length - 1;
  const semicolons = firstLine.split(";").length - 1;
  if (commas === 0 && semicolons === 0) {
    const hint = /\t/.test(firstLine) ? " It looks tab-separated; save it as CSV with commas or semicolons."
      : /\|/.test(firstLine) ? " It looks separated by |; use commas or semicolons."
      : "";
    throw new BulkFileError("BAD_HEADER", `${HEADER_HELP}${hint} Found: "${firstLine.slice(0, 80)}".`);
  }
  return { delimiter: semicolons > commas ? ";" : ",", head };
}

/** Checks the parsed header cells and returns the column names in file order. */
export function validateHeaderCells(cells: string[], delimiter: string): BulkColumn[] {
  const names = cells.map((cell) => cell.replace(/^\uFEFF/, "").trim().toLowerCase());
  const unknown = names.filter((name) => !KNOWN.includes(name));
  const missing = REQUIRED_COLUMNS.filter((name) => !names.includes(name));
  const repeated = names.filter((name, i) => names.indexOf(name) !== i);
  const problems = [
    missing.length ? `missing ${missing.join(", ")}` : "",
    unknown.length ? `unknown ${unknown.map((n) => `"${n.slice(0, 40)}"`).join(", ")}` : "",
    repeated.length ? `repeated ${[...new Set(repeated)].join(", ")}` : "",
  ].filter(Boolean);
  if (problems.length) {
    const other = delimiter === "," ? ";" : ",";
    const hint = names.length === 1 && names[0]!.includes(other) ? ` The file mixes "${other}" into a "${delimiter}"-separated header.` : "";
    throw new BulkFileError("BAD_HEADER", `The header is not right (${problems.join("; ")}). ${HEADER_HELP}${hint}`);
  }
  return names as BulkColumn[];
}
