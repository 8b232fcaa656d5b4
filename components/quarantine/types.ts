/** GET /api/quarantine as the browser sees it (dates as ISO strings). */
export interface QuarantineItem {
  id: number;
  receivedAt: string;
  topic: string;
  deviceKey: string | null;
  deviceName: string | null;
  site: string | null;
  reason: string;
  detail: string | null;
  payloadBytes: number;
  preview: string;
  previewEncoding: "utf8" | "hex";
  truncated: boolean;
  replayedAt: string | null;
}

export interface QuarantinePage {
  items: QuarantineItem[];
  total: number;
  /** Rows per reason under the other filters, for the reason filter. */
  reasons: Record<string, number>;
  page: number;
  pageSize: number;
}

export interface ReplayRun {
  replayed: number;
  rejected: Record<string, number>;
  lastId: number;
  remaining: number;
}

/** What each reason means, in the words of someone fixing it. */
export const REASON_LABELS: Record<string, string> = {
  malformed: "Malformed",
  unknown_device: "Unknown device",
  disabled_device: "Disabled device",
  out_of_range: "Out of range",
  too_large: "Too large",
  bad_timestamp: "Bad timestamp",
  bad_topic: "Bad topic",
  internal_error: "Internal error",
};

export const reasonLabel = (reason: string) => REASON_LABELS[reason] ?? reason;
