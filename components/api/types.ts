// The API's shapes, shared with the server code that produces them (type-only: nothing server-side is bundled).
export type { DeviceStatus, DeviceSummary } from "@/lib/server/db/queries/devices";
export type { MetricSpec } from "@/lib/domain/devices/types";

export interface SiteOption {
  slug: string;
  name: string;
}
