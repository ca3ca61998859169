import { createHash } from "node:crypto";
import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { CsvError, parse, type Options } from "csv-parse";
import { BulkFileError, formatBytes } from "./errors";
import { type BulkRow, type RowError, MAX_REPORTED_ERRORS } from "@/lib/inventory/bulk/format";
import { readHeader, validateHeaderCells } from "./header";
import { bulkRowSchema, rowErrorMessage } from "./row-schema";
import { unprotectCell } from "@/lib/csv";

export type ParseProgress = { bytes: number; rows: number };

export type ParseOptions = {
  maxBytes: number;
  /** Called every few thousand rows while the file streams in. */
  onProgress?: (progress: ParseProgress) => void;
};

export type ParsedBulkFile = {
  /** Rows that passed format validation and are not duplicates. */
  rows: BulkRow[];
  errors: RowError[];
  /** Exact number of failed rows (errors is capped at MAX_REPORTED_ERRORS). */
  errorCount: number;
  /** Data rows in the file, blank lines excluded. */
  rowCount: number;
  bytes: number;
  /** sha256 of the file's bytes: with the reference, what makes an apply idempotent. */
  checksum: string;
  delimiter: "," | ";";
};

const PROGRESS_EVERY = 10_000;
const MAX_RECORD_BYTES = 64 * 1024;

/**
 * Streams a bulk stock CSV through csv-parse, never holding more than one
 * record of raw text: counts and hashes bytes on the way (refusing past
 * maxBytes at once), detects the delimiter from the header, validates every
 * row with zod and flags repeated sku + warehouse pairs.
 */
export async function parseBulkCsv(source: AsyncIterable<Uint8Array>, options: ParseOptions): Promise<ParsedBulkFile> {
  const hash = createHash("sha256");
  let bytes = 0;
  const meter = (chunk: Uint8Array) => {
    bytes += chunk.byteLength;
    if (bytes > options.maxBytes) {
      throw new BulkFileError("TOO_LARGE", `The file is larger than the ${formatBytes(options.maxBytes)} limit. Split it into smaller files.`);
    }
    hash.update(chunk);
  };

  const iterator = source[Symbol.asyncIterator]();
  const { delimiter, head } = await readHeader(iterator, meter);
  async function* rest() {
    yield head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      meter(next.value);
      yield next.value;
    }
  }

  const result: ParsedBulkFile = { rows: [], errors: [], errorCount: 0, rowCount: 0, bytes: 0, checksum: "", delimiter };
  const seen = new Map<string, number>();
  const duplicated = new Set<string>();
  let columns: string[] | null = null;
  const fail = (error: RowError) => {
    result.errorCount += 1;
    if (result.errors.length < MAX_REPORTED_ERRORS) result.errors.push(error);
  };

  // Each record is handled synchronously inside the parser (on_record returns
  // null, so nothing is queued downstream): at 100k rows, per-record stream
  // hand-offs would cost more than the parsing itself.
  const onRecord = (record: string[], context: { lines: number }): null => {
    if (!columns) {
      columns = validateHeaderCells(record, delimiter);
      return null;
    }
    result.rowCount += 1;
    // context.lines is where the record ends; a quoted cell with line breaks started earlier.
    let line = context.lines;
    for (const cell of record) if (cell.includes("\n")) line -= cell.split("\n").length - 1;
    const cells = normalizeCells(columns, record);
    const label = { line, sku: cells.sku ?? "", warehouse: cells.warehouse ?? "" };
    if (record.length > columns.length) {
      fail({ ...label, message: `has ${record.length} cells but the header has ${columns.length} columns` });
      return null;
    }
    const parsed = bulkRowSchema.safeParse(cells);
    if (!parsed.success) {
      fail({ ...label, message: rowErrorMessage(parsed.error) });
      return null;
    }
    const row = parsed.data;
    const key = `${row.sku}\u0000${row.warehouse}`;
    const first = seen.get(key);
    if (first !== undefined) {
      duplicated.add(key);
      fail({ line, sku: row.sku, warehouse: row.warehouse, message: `duplicate of line ${first} (same sku and warehouse)` });
      return null;
    }
    seen.set(key, line);
    result.rows.push({ line, ...row });
    if (result.rowCount % PROGRESS_EVERY === 0) options.onProgress?.({ bytes, rows: result.rowCount });
    return null;
  };

  const parserOptions: Options = {
    bom: true,
    delimiter,
    trim: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    relax_column_count: true,
    max_record_size: MAX_RECORD_BYTES,
    on_record: onRecord,
  };
  try {
    await pipeline(Readable.from(rest()), parse(parserOptions), new Writable({ objectMode: true, write: (_r, _e, done) => done() }));
  } catch (error) {
    throw toFileError(error);
  }
  if (!columns) throw new BulkFileError("EMPTY", "The file is empty: it needs a header line and at least one row.");
  if (result.rowCount === 0) throw new BulkFileError("EMPTY", "The file has a header but no rows.");
  // Which of two rows for one stock level is meant is unknowable, so the first is an error too.
  if (duplicated.size) {
    result.rows = result.rows.filter((row) => {
      if (!duplicated.has(`${row.sku}\u0000${row.warehouse}`)) return true;
      fail({ line: row.line, sku: row.sku, warehouse: row.warehouse, message: "appears more than once (same sku and warehouse)" });
      return false;
    });
    result.errors.sort((a, b) => a.line - b.line);
  }
  options.onProgress?.({ bytes, rows: result.rowCount });
  return { ...result, bytes, checksum: hash.digest("hex") };
}

/** Cells by column name; codes upper-case, modes lower-case, export apostrophes undone. */
function normalizeCells(columns: string[], record: string[]): Record<string, string> {
  const cells: Record<string, string> = { reference: "", notes: "" };
  columns.forEach((name, i) => (cells[name] = unprotectCell(record[i] ?? "")));
  cells.warehouse = cells.warehouse!.toUpperCase();
  cells.mode = cells.mode!.toLowerCase();
  return cells;
}

function toFileError(error: unknown): unknown {
  if (!(error instanceof CsvError)) return error;
  const where = error.lines ? ` (line ${error.lines})` : "";
  const reason = error.code === "CSV_QUOTE_NOT_CLOSED" ? "a quoted value is never closed"
    : error.code === "CSV_MAX_RECORD_SIZE" ? "a row is longer than 64 KB"
    : /QUOTE/.test(error.code) ? "a quote appears inside an unquoted value; wrap such values in double quotes and double the quotes inside"
    : "it is not valid CSV";
  return new BulkFileError("MALFORMED", `The file cannot be read: ${reason}${where}.`);
}
