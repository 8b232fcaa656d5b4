import { findDeviceByKey } from "../lib/server/db/queries/device-lookup";
import type { DeviceInfo } from "../lib/domain/devices/types";
import type { Sql } from "../lib/server/db/connect";

/**
 * Device lookups with a short TTL: a newly provisioned, disabled or re-typed device takes
 * effect within `ttlMs`, without a query per message.
 */
export class DeviceDirectory {
  private readonly entries = new Map<string, { info: DeviceInfo | null; expires: number }>();

  constructor(
    private readonly sql: Sql,
    private readonly ttlMs: number,
  ) {}

  async get(key: string): Promise<DeviceInfo | null> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) return hit.info;
    const info = await findDeviceByKey(this.sql, key);
    this.entries.set(key, { info, expires: now + this.ttlMs });
    return info;
  }
}
