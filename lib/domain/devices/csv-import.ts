import { newDeviceInput, type NewDeviceInput } from "./input";
import { parseCsv } from "./csv-parse";

export const CSV_COLUMNS = [
  "key",
  "name",
  "site",
  "type",
  "location",
  "latitude",
  "longitude",
  "inactivity_timeout_s",
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
const REQUIRED: readonly CsvColumn[] = ["key", "name", "site"];
const NUMERIC: readonly CsvColumn[] = ["latitude", "longitude", "inactivity_timeout_s"];

export const MAX_IMPORT_ROWS = 10_000;
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

/** The input field each column fills (the API's names are camelCase). */
const FIELD_OF: Record<CsvColumn, keyof NewDeviceInput> = {
  key: "key",
  name: "name",
  site: "site",
  type: "type",
  location: "location",
  latitude: "latitude",
  longitude: "longitude",
  inactivity_timeout_s: "inactivityTimeoutS",
};
const COLUMN_OF = Object.fromEntries(Object.entries(FIELD_OF).map(([c, f]) => [f, c])) as Record<
  string,
  CsvColumn
>;

/** A problem with one cell ("row" when it is about the whole row). */
export interface CellError {
  field: CsvColumn | "row";
  message: string;
}

export interface ImportRow {
  /** The row number a spreadsheet shows for it (the header is row 1). */
  line: number;
  values: Record<CsvColumn, string>;
  /** Null when the row has errors of its own. */
  input: NewDeviceInput | null;
  errors: CellError[];
}

export type CsvImport = { ok: true; rows: ImportRow[] } | { ok: false; message: string };

/** The template people download: the header and one example row. */
export function csvTemplate(site = "my-site", type = ""): string {
  return `${CSV_COLUMNS.join(",")}\ngreenhouse-01,Greenhouse 1,${site},${type},North bay,47.3769,8.5417,600\n`;
}

/** Reads an uploaded device list; each row is checked on its own (the database checks come later). */
export function readDeviceCsv(text: string): CsvImport {
  if (new TextEncoder().encode(text).length > MAX_IMPORT_BYTES)
    return { ok: false, message: "The file is larger than 2 MiB; split it into several imports." };
  const parsed = parseCsv(text);
  if (!parsed.ok) return { ok: false, message: `The file is not valid CSV: ${parsed.message}.` };
  const records = parsed.records.filter((r) => r.fields.some((f) => f.trim() !== ""));
  const header = records.shift();
  if (!header)
    return { ok: false, message: "The file is empty: it needs a header row and a row per device." };
  const columns = readHeader(header.fields);
  if (typeof columns === "string") return { ok: false, message: columns };
  if (records.length === 0) return { ok: false, message: "The file has a header but no devices." };
  if (records.length > MAX_IMPORT_ROWS)
    return {
      ok: false,
      message: `The file has ${records.length.toLocaleString("en")} devices; at most ${MAX_IMPORT_ROWS.toLocaleString("en")} can be imported at once.`,
    };
  return { ok: true, rows: records.map((r) => readRow(r.row, r.fields, columns)) };
}

/** The column of each position, or what is wrong with the header. */
function readHeader(cells: string[]): (CsvColumn | null)[] | string {
  const names = cells.map((c) =>
    c
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, "_"),
  );
  if (names.length === 1 && names[0]!.includes(";"))
    return "The header has no commas: save the file as comma-separated CSV (it seems to use ;).";
  const unknown = names.filter((n) => n !== "" && !(CSV_COLUMNS as readonly string[]).includes(n));
  if (unknown.length > 0)
    return `Unknown column ${unknown.map((n) => `"${n}"`).join(", ")}; the columns are ${CSV_COLUMNS.join(", ")}.`;
  const repeated = names.find((n, i) => n !== "" && names.indexOf(n) !== i);
  if (repeated) return `The column "${repeated}" appears twice.`;
  const missing = REQUIRED.filter((c) => !names.includes(c));
  if (missing.length > 0)
    return `The header row needs the column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} (found: ${names.filter(Boolean).join(", ") || "none"}).`;
  return names.map((n) => (n === "" ? null : (n as CsvColumn)));
}

function readRow(line: number, cells: string[], columns: (CsvColumn | null)[]): ImportRow {
  const values = Object.fromEntries(CSV_COLUMNS.map((c) => [c, ""])) as Record<CsvColumn, string>;
  const errors: CellError[] = [];
  cells.forEach((cell, i) => {
    const column = columns[i];
    if (column) values[column] = cell.trim();
  });
  if (cells.slice(columns.length).some((c) => c.trim() !== ""))
    errors.push({
      field: "row",
      message: `more values (${cells.length}) than the header has columns (${columns.length})`,
    });
  const candidate: Record<string, unknown> = {};
  for (const column of CSV_COLUMNS) {
    const text = values[column];
    if (text === "") {
      if (REQUIRED.includes(column)) errors.push({ field: column, message: "required" });
      continue;
    }
    if (!NUMERIC.includes(column)) candidate[FIELD_OF[column]] = text;
    else if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) candidate[FIELD_OF[column]] = Number(text);
    else
      errors.push({
        field: column,
        message: /^[+-]?\d+,\d+$/.test(text)
          ? `${column} must be a number, with a point for decimals`
          : `${column} must be a number`,
      });
  }
  const checked = newDeviceInput.safeParse(candidate);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const column = COLUMN_OF[String(issue.path[0])];
      // Empty and unreadable cells are reported above, in plainer words.
      if (column && !errors.some((e) => e.field === column))
        errors.push({ field: column, message: issue.message });
    }
  }
  return { line, values, input: errors.length === 0 && checked.success ? checked.data : null, errors };
}
