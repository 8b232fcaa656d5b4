import type { Draft, DraftResult } from "./draft";

const TIME_COLUMNS = new Set(["ts", "time", "timestamp"]);
const MAX_LINES = 10_000;

/**
 * The text formats of docs/mqtt.md: `key=value,key=value` lines (a `ts` key sets that line's time)
 * or CSV with a header line (`ts,temperature,humidity` then rows; the time column is optional).
 */
export function readTextPayload(text: string): DraftResult {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
  if (lines.length > MAX_LINES) return `more than ${MAX_LINES} lines`;
  if (lines.every((l) => l.includes("="))) return readKeyValueLines(lines);
  if (lines.length >= 2 && /[,;]/.test(lines[0]!)) return readCsv(lines);
  return "payload is not JSON, CSV with a header, or key=value lines";
}

function readKeyValueLines(lines: string[]): DraftResult {
  const drafts: Draft[] = [];
  for (const [index, line] of lines.entries()) {
    const pairs = line
      .split(/[,;&]/)
      .map((p) => p.trim())
      .filter(Boolean);
    let ts: string | undefined;
    const values: [string, string][] = [];
    for (const pair of pairs) {
      const eq = pair.indexOf("=");
      if (eq <= 0) return `line ${index + 1}: "${pair.slice(0, 40)}" is not key=value`;
      const key = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (TIME_COLUMNS.has(key.toLowerCase())) ts = value;
      else values.push([key, value]);
    }
    drafts.push(...values.map(([metric, value]) => ({ metric, value, ts })));
  }
  return drafts.length > 0 ? drafts : "no metrics in payload";
}

function readCsv(lines: string[]): DraftResult {
  const separator = lines[0]!.includes(";") && !lines[0]!.includes(",") ? ";" : ",";
  const header = lines[0]!.split(separator).map((h) => h.trim().replace(/^"|"$/g, ""));
  const timeColumn = header.findIndex((h) => TIME_COLUMNS.has(h.toLowerCase()));
  if (new Set(header).size !== header.length) return "CSV header repeats a column";
  const drafts: Draft[] = [];
  for (const [index, line] of lines.slice(1).entries()) {
    const cells = line.split(separator).map((c) => c.trim().replace(/^"|"$/g, ""));
    if (cells.length !== header.length)
      return `CSV row ${index + 1} has ${cells.length} cells, the header ${header.length}`;
    const ts = timeColumn >= 0 ? cells[timeColumn] : undefined;
    for (const [column, name] of header.entries()) {
      if (column === timeColumn || cells[column] === "") continue;
      drafts.push({ metric: name, value: cells[column], ts });
    }
  }
  return drafts.length > 0 ? drafts : "CSV has no values";
}
