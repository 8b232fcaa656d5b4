"use client";

import { useId, useState } from "react";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { inputClass } from "../ui/field";

const MAX_BYTES = 2 * 1024 * 1024;

interface Props {
  template: string;
  pending: boolean;
  onCsv: (csv: string, name: string) => void;
  onError: (message: string) => void;
}

/** Where the list comes from: a file (checked as soon as it is chosen) or pasted text. */
export function CsvSource({ template, pending, onCsv, onError }: Props) {
  const fileId = useId();
  const pasteId = useId();
  const [pasted, setPasted] = useState("");

  async function chooseFile(file: File | undefined) {
    if (!file) return;
    if (file.size > MAX_BYTES)
      return onError(`${file.name} is larger than 2 MiB; split it into several imports.`);
    onCsv(await file.text(), file.name);
  }

  return (
    <Card className="space-y-4 p-4">
      <div className="space-y-1.5">
        <label htmlFor={fileId} className="block font-medium">
          CSV file
        </label>
        <input
          id={fileId}
          type="file"
          accept=".csv,text/csv,text/plain"
          disabled={pending}
          data-testid="import-file"
          onChange={(e) => {
            void chooseFile(e.currentTarget.files?.[0]);
            e.currentTarget.value = "";
          }}
          className="block w-full text-sm file:mr-3 file:rounded-md file:border file:border-border file:bg-surface file:px-3 file:py-2 file:text-sm file:font-medium hover:file:bg-zinc-50 dark:hover:file:bg-zinc-800"
        />
        <p className="text-xs text-muted">
          Columns: <code className="font-mono">key, name, site</code> (required),{" "}
          <code className="font-mono">type, location, latitude, longitude, inactivity_timeout_s</code>; any
          order, a header row first. Up to 10,000 devices (2 MiB).{" "}
          <a
            href={`data:text/csv;charset=utf-8,${encodeURIComponent(template)}`}
            download="fieldwatch-devices-template.csv"
            className="font-medium text-accent hover:underline"
          >
            Download a template
          </a>
        </p>
      </div>
      <details className="group">
        <summary className="cursor-pointer font-medium text-muted hover:text-foreground">
          Or paste the rows
        </summary>
        <div className="mt-2 space-y-2">
          <label htmlFor={pasteId} className="sr-only">
            CSV text
          </label>
          <textarea
            id={pasteId}
            rows={6}
            value={pasted}
            onChange={(e) => setPasted(e.target.value)}
            spellCheck={false}
            placeholder={template}
            className={`${inputClass} font-mono text-xs`}
            data-testid="import-paste"
          />
          <Button onClick={() => onCsv(pasted, "pasted rows")} disabled={pasted.trim() === ""} busy={pending}>
            Check rows
          </Button>
        </div>
      </details>
    </Card>
  );
}
