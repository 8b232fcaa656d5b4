/** One metric a device type reports; min/max bound what is believable (else quarantined). */
export interface MetricSpec {
  name: string;
  label?: string;
  unit?: string;
  min?: number;
  max?: number;
  precision?: number;
  /** Shown as a column in the fleet table. */
  key?: boolean;
}

/** What the ingest path needs to know about a device to accept its messages. */
export interface DeviceInfo {
  id: string;
  key: string;
  disabled: boolean;
  metrics: MetricSpec[];
  /** Where it sits: which alert rules apply to it. */
  siteId: string;
  typeId: string | null;
}
