import { audit } from "../audit";
import type { Sql } from "../db/connect";
import type { Viewer } from "../db/queries/users";
import type { MqttConnectionInfo } from "../../domain/devices/connection-info";
import { csvCell } from "../../domain/devices/csv-parse";
import {
  readDeviceCsv,
  type CellError,
  type CsvColumn,
  type ImportRow,
} from "../../domain/devices/csv-import";
import { deviceKeyInput, type NewDeviceInput } from "../../domain/devices/input";
import { checkNewDevices, provisionDevices, type RowError } from "./provision";

/** A row of the preview: its cells by column, and what is wrong with it (nothing: it would import). */
export type ImportReportRow = { line: number; errors: CellError[] } & Record<CsvColumn, string>;

/** The per-row preview the API answers to a dry run, and with 422 to a file with errors. */
export interface ImportReportView {
  rows: ImportReportRow[];
  valid: number;
  invalid: number;
}

export type ImportOutcome =
  | { kind: "invalid_file"; message: string }
  /** A preview (dry run), or a file with errors: nothing was written. */
  | { kind: "report"; report: ImportReportView }
  | ({ kind: "imported" } & ImportedView);

/** What a successful import answers (201): how many, and their credentials as CSV, this once. */
export interface ImportedView {
  imported: number;
  credentialsCsv: string;
}

export function toImportedView(outcome: ImportedView): ImportedView {
  return { imported: outcome.imported, credentialsCsv: outcome.credentialsCsv };
}

export interface ImportOptions {
  dryRun: boolean;
  broker: MqttConnectionInfo;
  ip?: string | null;
}

/**
 * Imports a CSV of devices, all or nothing: any row with a problem (its own, or against the
 * database: key taken or repeated, unknown site or type, a site the viewer doesn't administer)
 * and nothing is written, every problem reported on its spreadsheet row. The tokens are in the
 * answer once, as a CSV to hand to whoever flashes the devices.
 */
export async function importDevices(
  sql: Sql,
  viewer: Viewer,
  text: string,
  options: ImportOptions,
): Promise<ImportOutcome> {
  const read = readDeviceCsv(text);
  if (!read.ok) return { kind: "invalid_file", message: read.message };
  // Rows with problems of their own are checked against the database too, as far as their key
  // and site are readable, so one pass shows every problem (a typo in a type and a bad latitude).
  const checkable = read.rows.flatMap((row) => {
    const input = row.input ?? probeOf(row);
    return input ? [{ row, input }] : [];
  });
  const inputs = checkable.map((c) => c.input);
  const label = (i: number) => `line ${checkable[i]!.row.line}`;
  const attach = (errors: RowError[]) => {
    for (const e of errors) {
      const { row } = checkable[e.row]!;
      if (!row.errors.some((known) => known.field === e.field))
        row.errors.push({ field: e.field as CsvColumn, message: e.message });
    }
  };

  if (options.dryRun || read.rows.some((r) => r.input === null)) {
    attach((await checkNewDevices(sql, viewer, inputs, label)).errors);
    return { kind: "report", report: reportOf(read.rows) };
  }
  const result = await provisionDevices(sql, viewer, inputs, label);
  if (!result.ok) {
    attach(result.errors);
    return { kind: "report", report: reportOf(read.rows) };
  }

  const sites = [...new Set(inputs.map((d) => d.site))];
  // One row for the whole import; tied to its site when there is one, so that site's admins see it.
  const [site] =
    sites.length === 1 ? await sql<{ id: string }[]>`select id from sites where slug = ${sites[0]!}` : [];
  await audit(sql, {
    action: "device.import",
    actor: viewer,
    target: { type: "device", id: `${result.devices.length} devices` },
    siteId: site?.id ?? null,
    ip: options.ip,
    details: { count: result.devices.length, sites, keys: result.devices.slice(0, 50).map((d) => d.key) },
  });
  return {
    kind: "imported",
    imported: result.devices.length,
    credentialsCsv: credentialsCsv(result.devices, options.broker),
  };
}

export const CREDENTIALS_HEADER = "key,username,password,host,port,telemetry_topic";

function credentialsCsv(devices: { key: string; token: string }[], broker: MqttConnectionInfo): string {
  const lines = devices.map((d) =>
    [d.key, d.key, d.token, broker.host, broker.port, `devices/${d.key}/telemetry`].map(csvCell).join(","),
  );
  return `${CREDENTIALS_HEADER}\n${lines.join("\n")}\n`;
}

/** What the database checks need of a row that failed its own checks; null when its key or site is unreadable. */
function probeOf(row: ImportRow): NewDeviceInput | null {
  const key = deviceKeyInput.safeParse(row.values.key);
  if (!key.success || row.values.site === "") return null;
  return {
    key: key.data,
    name: row.values.name || "-",
    site: row.values.site,
    type: row.values.type || null,
  };
}

function reportOf(rows: ImportRow[]): ImportReportView {
  const invalid = rows.filter((r) => r.errors.length > 0).length;
  return {
    rows: rows.map((r) => ({ line: r.line, ...r.values, errors: r.errors })),
    valid: rows.length - invalid,
    invalid,
  };
}
