/** One CSV record with where it sits in the file. */
export interface CsvRecord {
  /** 1-based row as a spreadsheet shows it (a field's embedded newline doesn't start a new row). */
  row: number;
  fields: string[];
}

export type CsvParse = { ok: true; records: CsvRecord[] } | { ok: false; row: number; message: string };

/**
 * RFC 4180: comma-separated, fields in double quotes may hold commas, newlines and doubled
 * quotes; records end with CRLF or LF (a lone CR too, as old Mac exports write). A UTF-8 BOM is
 * dropped. Written by hand (a few dozen lines) rather than a dependency, since the rules are
 * small and the errors should name the spreadsheet row. Never throws.
 */
export function parseCsv(text: string): CsvParse {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let row = 1;
  let quoted = false; // inside a quoted field
  let afterQuote = false; // a quoted field just closed: only a comma or a line end may follow
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRecord = () => {
    fields.push(field);
    records.push({ row, fields });
    fields = [];
    field = "";
    afterQuote = false;
    row += 1;
  };
  for (; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else {
        quoted = false;
        afterQuote = true;
      }
    } else if (c === ",") {
      fields.push(field);
      field = "";
      afterQuote = false;
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i += 1;
      endRecord();
    } else if (afterQuote) {
      if (c === " " || c === "\t") continue;
      return {
        ok: false,
        row,
        message: `row ${row}: a quoted value must be followed by a comma or the end of the line`,
      };
    } else if (c === '"' && field.trim() === "") {
      quoted = true;
      field = "";
    } else {
      // A quote inside an unquoted value is kept as it is (lenient, as spreadsheets read it).
      field += c;
    }
  }
  if (quoted) return { ok: false, row, message: `row ${row}: a quoted value is never closed (a missing ")` };
  // The last line needs no line break; a final line break adds no empty record.
  if (field !== "" || fields.length > 0 || afterQuote) endRecord();
  return { ok: true, records };
}

/** A value for a CSV cell: quoted when it holds a comma, quote or line break. */
export function csvCell(value: string | number | null | undefined): string {
  const text = value == null ? "" : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
