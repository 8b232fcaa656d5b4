// The API's shapes, shared with the server code that produces them (type-only: nothing server-side is bundled).
export type { DeviceStatus, DeviceSummary } from "@/lib/server/db/queries/devices";
export type { MetricSpec } from "@/lib/domain/devices/types";

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
