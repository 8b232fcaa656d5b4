import type { NextRequest } from "next/server";
import { z } from "zod";
import { clientAddress } from "@/lib/server/auth/origin";
import { canAnywhere } from "@/lib/server/auth/permissions";
import { authenticate } from "@/lib/server/auth/principal";
import { getDb } from "@/lib/server/db/client";
import { mqttConnectionInfo } from "@/lib/domain/devices/connection-info";
import { MAX_IMPORT_BYTES } from "@/lib/domain/devices/csv-import";
import { importDevices, toImportedView } from "@/lib/server/devices/import";
import { loadEnv } from "@/lib/server/env";
import { ApiError, forbidden } from "@/lib/server/http/errors";
import { readBodyText } from "@/lib/server/http/body";
import { route } from "@/lib/server/http/route";

export const dynamic = "force-dynamic";

const jsonImport = z.object({ csv: z.string() });

/**
 * Imports devices from CSV (`text/csv`, or JSON `{csv}`), all or nothing. `?dryRun=1` answers
 * the per-row preview and writes nothing; a file with any bad row answers 422 with the same
 * report. Success: `{imported, credentialsCsv}`, the tokens shown this once.
 */
export const POST = route(async (req) => {
  const viewer = await authenticate(req, { write: true });
  if (!canAnywhere(viewer, "device.manage")) throw forbidden("Only site admins add devices.");
  const text = await csvText(req);
  const dryRun = ["1", "true"].includes(req.nextUrl.searchParams.get("dryRun") ?? "");
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  const outcome = await importDevices(getDb().sql, viewer, text, {
    dryRun,
    broker: mqttConnectionInfo(loadEnv(), host),
    ip: clientAddress(req.headers),
  });
  switch (outcome.kind) {
    case "invalid_file":
      throw new ApiError(422, "invalid_csv", outcome.message);
    case "imported":
      return Response.json(toImportedView(outcome), { status: 201 });
    case "report": {
      const { report } = outcome;
      if (dryRun) return Response.json(report);
      const message = `${report.invalid} of ${report.rows.length} rows have problems; nothing was imported.`;
      return Response.json({ error: { code: "invalid_rows", message }, ...report }, { status: 422 });
    }
  }
});

async function csvText(req: NextRequest): Promise<string> {
  const type = req.headers.get("content-type") ?? "";
  // JSON escaping can double a file's size: a JSON body may be twice the file limit.
  if (type.includes("application/json"))
    return jsonImport.parse(JSON.parse(await readBodyText(req, 2 * MAX_IMPORT_BYTES + 1024, SPLIT))).csv;
  if (type.includes("text/csv") || type.includes("text/plain"))
    return readBodyText(req, MAX_IMPORT_BYTES, SPLIT);
  throw new ApiError(415, "unsupported_media_type", 'Send the file as text/csv, or JSON {"csv": "…"}.');
}

const SPLIT = " Split the file into several imports.";
