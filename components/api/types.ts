// The API's shapes, shared with the server code that produces them (type-only: nothing server-side is bundled).
export type { DeviceStatus, DeviceSummary } from "@/lib/server/db/queries/devices";
export type { MetricSpec } from "@/lib/domain/devices/types";
import type { DeviceStatus } from "@/lib/server/db/queries/devices";

export interface ReadingBucket {
  t: number;
  avg: number;
  min: number;
  max: number;
  count: number;
}

export interface ReadingsResponse {
  metric: string;
  from: number;
  to: number;
  bucketMs: number;
  buckets: ReadingBucket[];
}

export interface SiteOption {
  slug: string;
  name: string;
}

export interface Overview {
  devices: Record<DeviceStatus, number>;
  /** null: the web process has only just started listening. */
  readingsPerSecond: number | null;
  /** null: the caller may not see the quarantine. */
  quarantinedLastHour: number | null;
  /** Open alerts on the devices the caller sees, by severity. */
  alerts: { critical: number; warning: number; info: number };
}

/** A site and how many of its devices are in each state (GET /api/sites). */
export interface SiteCounts {
  slug: string;
  name: string;
  devices: number;
  online: number;
  offline: number;
  never: number;
}
