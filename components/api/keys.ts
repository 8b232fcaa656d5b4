/** React Query keys, in one place so the live stream updates the same caches the views read. */
export const queryKeys = {
  devices: (params: Record<string, string | number | undefined>) => ["devices", params] as const,
  device: (key: string) => ["device", key] as const,
  /** A live chart's window of one metric, kept current by the stream. */
  liveReadings: (key: string, metric: string, windowMs: number) =>
    ["readings", key, metric, windowMs] as const,
  metricLiveReadings: (key: string, metric: string) => ["readings", key, metric] as const,
  deviceLiveReadings: (key: string) => ["readings", key] as const,
  /** A device's command history, refetched on its `command` live events. */
  deviceCommands: (key: string) => ["commands", key] as const,
  /** A fixed or long range: loaded, then refreshed now and then. */
  history: (key: string, metric: string, range: string) => ["history", key, metric, range] as const,
};
