import type { Viewer } from "../db/queries/users";
import type { Sql } from "../db/connect";
import { can } from "../auth/permissions";
import { insertDevices, resolveSiteAndType } from "../db/queries/device-admin";
import { generateDeviceToken } from "./credentials";
import type { NewDeviceInput } from "./input";

/** A problem with one device of a batch, for the form field or the CSV row it came from. */
export interface RowError {
  row: number;
  field: string;
  message: string;
}

export type ProvisionResult =
  | { ok: true; devices: { key: string; id: string; token: string }[] }
  | { ok: false; errors: RowError[] };

/**
 * Checks a batch of new devices against the database (sites, types, permission, keys taken or
 * repeated) without writing anything: every problem, each with its row.
 */
export async function checkNewDevices(sql: Sql, viewer: Viewer, inputs: NewDeviceInput[]) {
  const errors: RowError[] = [];
  const resolved: (NewDeviceInput & { siteId: string; typeId: string | null })[] = [];
  const taken = new Set(
    (await sql<{ key: string }[]>`select key from devices where key = any(${inputs.map((d) => d.key)}::text[])`).map((r) => r.key),
  );
  const seen = new Map<string, number>();
  const lookups = new Map<string, Promise<{ siteId: string | null; typeId: string | null }>>();
  for (const [i, input] of inputs.entries()) {
    const lookupKey = `${input.site}\u0000${input.type ?? ""}`;
    if (!lookups.has(lookupKey)) lookups.set(lookupKey, resolveSiteAndType(sql, input.site, input.type));
    const { siteId, typeId } = await lookups.get(lookupKey)!;
    const rowErrors: RowError[] = [];
    if (taken.has(input.key)) rowErrors.push({ row: i, field: "key", message: `a device "${input.key}" exists already` });
    else if (seen.has(input.key)) rowErrors.push({ row: i, field: "key", message: `"${input.key}" is also on row ${seen.get(input.key)! + 1}` });
    if (!siteId) rowErrors.push({ row: i, field: "site", message: `no site "${input.site}"` });
    else if (!can(viewer, "device.manage", siteId)) rowErrors.push({ row: i, field: "site", message: `you can't add devices to site "${input.site}"` });
    if (input.type && !typeId) rowErrors.push({ row: i, field: "type", message: `no device type "${input.type}"` });
    seen.set(input.key, seen.get(input.key) ?? i);
    if (rowErrors.length > 0) errors.push(...rowErrors);
    else resolved.push({ ...input, siteId: siteId!, typeId });
  }
  return { errors, resolved };
}

/** Creates every device with a fresh token, or none (all or nothing); tokens come back once. */
export async function provisionDevices(sql: Sql, viewer: Viewer, inputs: NewDeviceInput[]): Promise<ProvisionResult> {
  const { errors, resolved } = await checkNewDevices(sql, viewer, inputs);
  if (errors.length > 0) return { ok: false, errors };
  const withTokens = resolved.map((d) => ({ ...d, ...generateDeviceToken() }));
  try {
    const ids = (await sql.begin((tx) => insertDevices(tx, withTokens.map((d) => ({ ...d, tokenHash: d.hash }))))) as Map<string, string>;
    return { ok: true, devices: withTokens.map((d) => ({ key: d.key, id: ids.get(d.key)!, token: d.token })) };
  } catch (err) {
    // Someone took a key between the check and the insert.
    if ((err as { code?: string }).code === "23505") return { ok: false, errors: [{ row: 0, field: "key", message: "a device with this key was just created by someone else" }] };
    throw err;
  }
}
