"use client";

import { CARD_CELL, CardTableHead, CARD_TABLE, CARD_BODY, CARD_ROW } from "../ui/card-table";
import type { ImportReportRow } from "@/lib/server/devices/import";

const COLUMNS = [
  ["key", "Key"],
  ["name", "Name"],
  ["site", "Site"],
  ["type", "Type"],
  ["location", "Location"],
  ["latitude", "Lat"],
  ["longitude", "Lon"],
  ["inactivity_timeout_s", "Timeout (s)"],
] as const;

const BAD_CELL =
  "bg-red-50 text-red-800 dark:bg-red-950/60 dark:text-red-200 lg:ring-1 lg:ring-inset lg:ring-red-300 dark:lg:ring-red-800";

/** The file as it will be imported, a row per device: bad cells in red, each row's problems beside it (cards on phones). */
export function PreviewTable({ rows }: { rows: ImportReportRow[] }) {
  return (
    <table className={CARD_TABLE} data-testid="import-preview">
      <CardTableHead headers={["Line", ...COLUMNS.map(([, label]) => label), "Problems"]} />
      <tbody className={CARD_BODY}>
        {rows.map((row) => {
          const bad = new Set(row.errors.map((e) => e.field));
          return (
            <tr
              key={row.line}
              data-testid="import-row"
              data-line={row.line}
              data-invalid={row.errors.length > 0 || undefined}
              className={`${CARD_ROW} ${row.errors.length > 0 ? "lg:bg-red-50/40 dark:lg:bg-red-950/20" : ""}`}
            >
              <td data-label="Line" className={`${CARD_CELL} tabular-nums text-muted`}>
                {row.line}
              </td>
              {COLUMNS.map(([field, label]) => (
                <td
                  key={field}
                  data-label={label}
                  aria-invalid={bad.has(field) || undefined}
                  className={`${CARD_CELL} [overflow-wrap:anywhere] ${field === "key" ? "font-mono text-xs" : ""} ${bad.has(field) ? BAD_CELL : ""} max-lg:rounded`}
                >
                  {row[field] || (bad.has(field) ? <span className="italic">empty</span> : "")}
                </td>
              ))}
              <td data-label="Problems" className={`${CARD_CELL} lg:min-w-56`}>
                {row.errors.length === 0 ? (
                  <span className="text-green-700 dark:text-green-400">OK</span>
                ) : (
                  <ul className="space-y-0.5 text-red-700 dark:text-red-300">
                    {row.errors.map((e, i) => (
                      <li key={i}>
                        {e.field !== "row" && <span className="font-medium">{e.field}: </span>}
                        {e.message}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
