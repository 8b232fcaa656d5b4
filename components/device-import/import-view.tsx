"use client";

import Link from "next/link";
import { useState, type ReactNode } from "react";
import { errorMessage } from "../api/fetch-json";
import { Badge } from "../ui/badge";
import { Button, Spinner } from "../ui/button";
import { Card, CardHeader } from "../ui/card";
import { Notice } from "../ui/notice";
import { CsvSource } from "./csv-source";
import { ImportDonePanel } from "./import-done";
import { PreviewTable } from "./preview-table";
import { useImportDevices, usePreviewImport } from "./use-device-import";

// Rendering 10,000 rows helps nobody: the problems first, then a page's worth.
const SHOWN = 500;

/** Import devices from CSV: choose a file, read the preview, import all of it or nothing. */
export function ImportView({ template }: { template: string }) {
  const [csv, setCsv] = useState<{ text: string; name: string } | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [onlyProblems, setOnlyProblems] = useState(true);
  const preview = usePreviewImport();
  const importer = useImportDevices();
  const report = preview.data;

  const check = (text: string, name: string) => {
    setLocalError(null);
    setCsv({ text, name });
    importer.reset();
    preview.mutate(text);
  };
  // A row that went bad since the preview (someone took a key) shows up by checking again.
  const runImport = () => csv && importer.mutate(csv.text, { onError: () => preview.mutate(csv.text) });

  if (importer.data)
    return (
      <Page>
        <ImportDonePanel result={importer.data} />
      </Page>
    );

  const rows = report
    ? onlyProblems && report.invalid > 0
      ? report.rows.filter((r) => r.errors.length > 0)
      : report.rows
    : [];
  return (
    <Page>
      <CsvSource
        template={template}
        pending={preview.isPending || importer.isPending}
        onCsv={check}
        onError={setLocalError}
      />
      {(localError || preview.error) && <Notice>{localError ?? errorMessage(preview.error)}</Notice>}
      {importer.error && <Notice>{errorMessage(importer.error)}</Notice>}
      {preview.isPending && (
        <p className="flex items-center gap-2 text-muted" role="status">
          <Spinner /> Checking {csv?.name}…
        </p>
      )}
      {report && !preview.isPending && (
        <Card className="overflow-hidden">
          <CardHeader
            title={
              <span className="flex flex-wrap items-center gap-2">
                {csv?.name} <Badge tone="ok">{report.valid.toLocaleString()} valid</Badge>
                {report.invalid > 0 && (
                  <Badge tone="danger">{report.invalid.toLocaleString()} with problems</Badge>
                )}
              </span>
            }
            actions={
              report.invalid > 0 && (
                <label className="flex shrink-0 items-center gap-1.5 text-xs text-muted">
                  <input
                    type="checkbox"
                    checked={onlyProblems}
                    onChange={(e) => setOnlyProblems(e.target.checked)}
                  />{" "}
                  Only problems
                </label>
              )
            }
          />
          <div className="overflow-x-auto">
            <PreviewTable rows={rows.slice(0, SHOWN)} />
          </div>
          {rows.length > SHOWN && (
            <p className="border-t border-border px-4 py-2 text-xs text-muted">
              Showing the first {SHOWN} of {rows.length.toLocaleString()} rows.
            </p>
          )}
          <div className="flex flex-col gap-2 border-t border-border px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
            <p className="text-muted">
              {report.invalid > 0
                ? "Fix the rows with problems in your file and choose it again: nothing is imported until every row is right."
                : "Every row is ready. The devices are created together, or none of them."}
            </p>
            <Button
              variant="primary"
              className="shrink-0"
              disabled={report.invalid > 0 || report.valid === 0}
              busy={importer.isPending}
              onClick={runImport}
              data-testid="import-submit"
            >
              {importer.isPending
                ? `Importing ${report.valid.toLocaleString()}…`
                : `Import ${report.valid.toLocaleString()} ${report.valid === 1 ? "device" : "devices"}`}
            </Button>
          </div>
        </Card>
      )}
    </Page>
  );
}

function Page({ children }: { children: ReactNode }) {
  return (
    <div className="space-y-4">
      <div>
        <Link href="/devices" className="text-sm text-muted hover:text-foreground">
          ← Devices
        </Link>
        <h1 className="text-xl font-semibold tracking-tight">Import devices from CSV</h1>
        <p className="text-muted">
          Add many devices at once; each gets its own token, handed to you once as a CSV.
        </p>
      </div>
      {children}
    </div>
  );
}
