/** A list's parameters, as the key of one list among many (a query string, a picker's site). */
type ListParams = Record<string, string | number | undefined>;

/**
 * React Query keys, in one place so invalidations and the live stream reach the caches the views read.
 * Keys nest: invalidating one also refreshes every key it begins (React Query matches by prefix), so a
 * builder called without its last argument names the whole family, e.g. `devices()` every device list.
 */
export const queryKeys = {
  /** Device lists: the fleet table (by its query string) and the pickers (by site). */
  devices: (params?: ListParams) =>
    params === undefined ? (["devices"] as const) : (["devices", params] as const),
  /** One device; not under `devices()`, so a list refresh leaves an open device page alone. */
  device: (key: string) => ["device", key] as const,
  /** Keys heard from on the broker but not provisioned. */
  unprovisionedDevices: () => ["unprovisioned-devices"] as const,
  deviceTypes: () => ["device-types"] as const,
  sites: () => ["sites"] as const,
  overview: () => ["overview"] as const,

  /** A live chart's window of one metric, kept current by the stream. */
  liveReadings: (key: string, metric: string, windowMs: number) =>
    ["readings", key, metric, windowMs] as const,
  metricLiveReadings: (key: string, metric: string) => ["readings", key, metric] as const,
  deviceLiveReadings: (key: string) => ["readings", key] as const,
  /** A fixed or long range: loaded, then refreshed now and then. */
  history: (key: string, metric: string, range: string) => ["history", key, metric, range] as const,
  /** A device's command history, refetched on its `command` live events. */
  deviceCommands: (key: string) => ["commands", key] as const,

  /** Alert lists by their query string; no argument: every list and the badge. */
  alerts: (qs?: string) => (qs === undefined ? (["alerts"] as const) : (["alerts", "list", qs] as const)),
  /** The menu's count: its own entry, so a page's list never finds it filled before it hydrates (a text mismatch). */
  alertsBadge: () => ["alerts", "badge"] as const,
  alertRules: () => ["alert-rules"] as const,

  /** The endpoints; also the family of the two keys below, so any webhook change refreshes them too. */
  webhooks: () => ["webhooks"] as const,
  webhookDeliveries: (id: string) => ["webhooks", id, "deliveries"] as const,
  /** The endpoints a rule may notify: the rule editor's own entry (a minute stale is fine there). */
  webhookOptions: () => ["webhooks", "rule-picker"] as const,

  /** Quarantined messages by their query string; no argument: every page of them. */
  quarantine: (qs?: string) => (qs === undefined ? (["quarantine"] as const) : (["quarantine", qs] as const)),
  audit: (qs: string) => ["audit", qs] as const,
  users: () => ["users"] as const,
  apiTokens: () => ["api-tokens"] as const,
};
