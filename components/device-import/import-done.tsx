"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { Button, buttonClass } from "../ui/button";
import { Card } from "../ui/card";
import { Notice } from "../ui/notice";
import type { ImportedView } from "@/lib/server/devices/import";
import { downloadText } from "./use-device-import";

/** After the import: the credentials file, which exists only in this page's memory. */
export function ImportDonePanel({ result }: { result: ImportedView }) {
  const [saved, setSaved] = useState(false);
  // Leaving before saving loses every token: the browser asks first.
  useEffect(() => {
    if (saved) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [saved]);

  const download = () => {
    downloadText(
      `fieldwatch-credentials-${new Date().toISOString().slice(0, 10)}.csv`,
      result.credentialsCsv,
    );
    setSaved(true);
  };
  return (
    <Card className="space-y-4 p-4" data-testid="import-done">
      <Notice tone="ok">
        Imported <strong>{result.imported.toLocaleString()}</strong>{" "}
        {result.imported === 1 ? "device" : "devices"}.
      </Notice>
      <Notice tone={saved ? "info" : "danger"}>
        The credentials (each device&apos;s MQTT password) are shown only now: Fieldwatch keeps only their
        hashes. Download the file and keep it somewhere safe; lost tokens can only be replaced, one device at
        a time, with New token.
      </Notice>
      <div className="flex flex-col gap-2 sm:flex-row">
        <Button variant="primary" onClick={download} data-testid="download-credentials">
          Download credentials CSV
        </Button>
        <Link href="/devices" className={buttonClass("secondary")}>
          Back to Devices
        </Link>
      </div>
      {saved && (
        <p className="text-xs text-muted">
          Saved. Download again if the browser didn&apos;t keep it; it stays available until you leave this
          page.
        </p>
      )}
    </Card>
  );
}
