"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { queryKeys } from "../api/keys";
import { sendJson } from "../api/send-json";
import type { ImportedView, ImportReportView } from "@/lib/server/devices/import";

/** The dry run: every row with its problems, nothing written. */
export function usePreviewImport() {
  return useMutation({
    mutationFn: (csv: string) => sendJson<ImportReportView>("/api/devices/import?dryRun=1", "POST", { csv }),
  });
}

export function useImportDevices() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (csv: string) => sendJson<ImportedView>("/api/devices/import", "POST", { csv }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: queryKeys.devices() });
      void client.invalidateQueries({ queryKey: queryKeys.unprovisionedDevices() });
    },
  });
}

/** Saves text as a file, from memory (the credentials never travel again). */
export function downloadText(filename: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  // Some browsers read the URL after click returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
