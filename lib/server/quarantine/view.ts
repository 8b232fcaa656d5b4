import type { QuarantineRow, StoredCut } from "../db/queries/quarantine";
import type { PageView } from "../http/page";
import type { ReplayRun } from "./replay";

/** A quarantined message as the API lists it (dates as ISO strings; the payload only as a preview). */
export interface QuarantineItemView {
  id: number;
  receivedAt: string;
  topic: string;
  deviceKey: string | null;
  deviceName: string | null;
  site: string | null;
  reason: string;
  detail: string | null;
  /** The payload's length as received. */
  payloadBytes: number;
  /** Set when only the first `keptBytes` of an oversized payload are stored, with the whole one's SHA-256: it can't be replayed. */
  payloadCut: StoredCut | null;
  replayedAt: string | null;
  /** The payload's first PREVIEW_BYTES, as text when they are UTF-8, else as hex. */
  preview: string;
  previewEncoding: "utf8" | "hex";
  /** The preview is shorter than the payload. */
  truncated: boolean;
}

export function toQuarantineItemView(row: QuarantineRow): QuarantineItemView {
  const truncated = row.payloadBytes > row.payloadHead.length;
  const text = utf8(row.payloadHead, truncated);
  return {
    id: row.id,
    receivedAt: row.receivedAt.toISOString(),
    topic: row.topic,
    deviceKey: row.deviceKey,
    deviceName: row.deviceName,
    site: row.site,
    reason: row.reason,
    detail: row.detail,
    payloadBytes: row.payloadBytes,
    payloadCut: row.payloadCut,
    replayedAt: row.replayedAt?.toISOString() ?? null,
    preview: text ?? row.payloadHead.toString("hex"),
    previewEncoding: text === null ? "hex" : "utf8",
    truncated,
  };
}

const decoder = new TextDecoder("utf-8", { fatal: true });

/** Strict UTF-8; a cut through a multi-byte character at the end of a truncated head is allowed. */
function utf8(bytes: Buffer, truncated: boolean): string | null {
  for (let trim = 0; trim <= (truncated ? 3 : 0); trim++) {
    try {
      return decoder.decode(bytes.subarray(0, bytes.length - trim));
    } catch {
      // try a shorter cut
    }
  }
  return null;
}

export interface QuarantinePageView extends PageView<QuarantineItemView> {
  /** Rows per reason under the other filters, for the reason filter. */
  reasons: Record<string, number>;
}

export function toQuarantinePageView(
  list: { items: QuarantineRow[]; total: number; reasons: Record<string, number> },
  { page, pageSize }: { page: number; pageSize: number },
): QuarantinePageView {
  return {
    items: list.items.map(toQuarantineItemView),
    total: list.total,
    reasons: list.reasons,
    page,
    pageSize,
  };
}

/** A slice of replay-all as the API answers it: the run, and how many matching rows still wait. */
export interface ReplayRunView extends ReplayRun {
  remaining: number;
}

export function toReplayRunView(run: ReplayRun, remaining: number): ReplayRunView {
  return { replayed: run.replayed, rejected: run.rejected, lastId: run.lastId, remaining };
}
