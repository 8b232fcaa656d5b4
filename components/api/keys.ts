/** React Query keys, in one place so the live stream updates the same caches the views read. */
export const queryKeys = {
  devices: (params: Record<string, string | number | undefined>) => ["devices", params] as const,
  device: (key: string) => ["device", key] as const,
  readings: (key: string, metric: string) => ["readings", key, metric] as const,
  deviceReadings: (key: string) => ["readings", key] as const,
};
