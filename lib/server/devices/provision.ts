import type { Viewer } from "../db/queries/users";
import type { Sql } from "../db/connect";
import { siteStanding } from "../auth/permissions";
import { insertDevices } from "../db/queries/device-admin";
import { claimQuarantine } from "../db/queries/quarantine";
import { generateDeviceToken } from "../../domain/devices/credentials";
import type { NewDeviceInput } from "../../domain/devices/input";

/**
 * A problem with one device of a batch, for the form field or the CSV row it came from, and its
 * kind: a key taken, a reference that names nothing (the caller can see), or a site they see but
 * may not add devices to.
 */
export interface RowError {
  row: number;
  field: string;
  message: string;
  kind: "conflict" | "invalid_reference" | "forbidden";
}

export type ProvisionResult =
  { ok: true; devices: { key: string; id: string; token: string }[] } | { ok: false; errors: RowError[] };

/**
 * Checks a batch of new devices against the database (sites, types, permission, keys taken or
 * repeated) without writing anything: every problem, each with its row. Three queries whatever
 * the batch's size (a CSV import checks up to 10,000 rows). `rowLabel` names the other row of a
 * repeated key ("row 3" by default; a CSV import says "line 4").
 */
export async function checkNewDevices(
  sql: Sql,
  viewer: Viewer,
  inputs: NewDeviceInput[],
  rowLabel = (i: number) => `row ${i + 1}`,
) {
  const errors: RowError[] = [];
  const resolved: (NewDeviceInput & { siteId: string; typeId: string | null })[] = [];
  const distinct = (values: (string | null | undefined)[]) => [
    ...new Set(values.filter((v): v is string => !!v)),
  ];
  const [takenRows, siteRows, typeRows] = await Promise.all([
    sql<{ key: string }[]>`select key from devices where key = any(${inputs.map((d) => d.key)}::text[])`,
    sql<
      { slug: string; id: string }[]
    >`select slug, id from sites where slug = any(${distinct(inputs.map((d) => d.site))}::text[])`,
    sql<
      { slug: string; id: string }[]
    >`select slug, id from device_types where slug = any(${distinct(inputs.map((d) => d.type))}::text[])`,
  ]);
  const taken = new Set(takenRows.map((r) => r.key));
  const siteIds = new Map(siteRows.map((r) => [r.slug, r.id]));
  const typeIds = new Map(typeRows.map((r) => [r.slug, r.id]));
  const seen = new Map<string, number>();
  for (const [i, input] of inputs.entries()) {
    const siteId = siteIds.get(input.site) ?? null;
    const typeId = input.type ? (typeIds.get(input.type) ?? null) : null;
    const rowErrors: RowError[] = [];
    if (taken.has(input.key))
      rowErrors.push({
        row: i,
        field: "key",
        kind: "conflict",
        message: `a device "${input.key}" exists already`,
      });
    else if (seen.has(input.key))
      rowErrors.push({
        row: i,
        field: "key",
        kind: "conflict",
        message: `"${input.key}" is also on ${rowLabel(seen.get(input.key)!)}`,
      });
    // A site the viewer can't see reads as no site at all (docs/api.md, "Roles and site rights").
    const standing = siteStanding(viewer, "device.manage", siteId);
    if (standing === "unknown")
      rowErrors.push({
        row: i,
        field: "site",
        kind: "invalid_reference",
        message: `no site "${input.site}"`,
      });
    else if (standing === "forbidden")
      rowErrors.push({
        row: i,
        field: "site",
        kind: "forbidden",
        message: `you can't add devices to site "${input.site}"`,
      });
    if (input.type && !typeId)
      rowErrors.push({
        row: i,
        field: "type",
        kind: "invalid_reference",
        message: `no device type "${input.type}"`,
      });
    seen.set(input.key, seen.get(input.key) ?? i);
    if (rowErrors.length > 0) errors.push(...rowErrors);
    else resolved.push({ ...input, siteId: siteId!, typeId });
  }
  return { errors, resolved };
}

// PostgreSQL takes at most 65,535 parameters a statement; a device row has 8.
const INSERT_CHUNK = 5_000;

/** Creates every device with a fresh token, or none (all or nothing); tokens come back once. */
export async function provisionDevices(
  sql: Sql,
  viewer: Viewer,
  inputs: NewDeviceInput[],
  rowLabel?: (i: number) => string,
): Promise<ProvisionResult> {
  const { errors, resolved } = await checkNewDevices(sql, viewer, inputs, rowLabel);
  if (errors.length > 0) return { ok: false, errors };
  const withTokens = resolved.map((d) => ({ ...d, ...generateDeviceToken() }));
  try {
    const ids = (await sql.begin(async (tx) => {
      const all = new Map<string, string>();
      for (let i = 0; i < withTokens.length; i += INSERT_CHUNK) {
        const chunk = withTokens.slice(i, i + INSERT_CHUNK).map((d) => ({ ...d, tokenHash: d.hash }));
        const ids = await insertDevices(tx, chunk);
        for (const [key, id] of ids) all.set(key, id);
        // What the keys sent while unknown is now theirs (and their site's) to see and replay.
        await claimQuarantine(
          tx,
          [...ids].map(([key, id]) => ({ key, id })),
        );
      }
      return all;
    })) as Map<string, string>;
    return {
      ok: true,
      devices: withTokens.map((d) => ({ key: d.key, id: ids.get(d.key)!, token: d.token })),
    };
  } catch (err) {
    // Someone took a key between the check and the insert.
    if ((err as { code?: string }).code === "23505")
      return {
        ok: false,
        errors: [
          {
            row: 0,
            field: "key",
            kind: "conflict",
            message: "a device with this key was just created by someone else",
          },
        ],
      };
    throw err;
  }
}
