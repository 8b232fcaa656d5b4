import { generateApiToken } from "../../lib/domain/auth/api-tokens";
import { hashPassword } from "../../lib/server/auth/password";
import type { Db } from "../../lib/server/db/connect";
import type { SiteRole } from "../../lib/domain/auth/access";
import { uniqueId } from "../../test/support/fixtures";

export const PERSONAS = [
  "anonymous",
  "otherViewer",
  "viewer",
  "operator",
  "siteAdmin",
  "globalAdmin",
  "twoSites",
] as const;
export type Persona = (typeof PERSONAS)[number];

export interface Person {
  id: string;
  email: string;
  password: string;
  /** A read-write personal API token. */
  token: string;
  /** A read-only personal API token. */
  readToken: string;
}

export interface World {
  /** The farm also has a quarantined message that stays unusable (replays answer 422). */
  farm: {
    id: string;
    slug: string;
    deviceKey: string;
    deviceId: string;
    quarantineId: number;
    ruleId: string;
  };
  factory: { id: string; slug: string; deviceKey: string; deviceId: string };
  people: Record<Exclude<Persona, "anonymous">, Person>;
}

/**
 * Two sites (a farm and a factory, one device each) and one person per role: a viewer of the
 * factory ("another site"), a viewer, an operator and an admin of the farm, a global admin, and
 * a viewer of the farm who is admin of the factory. Each has a read-write and a read-only token.
 */
export async function createWorld(db: Db): Promise<World> {
  const id = uniqueId();
  const site = async (kind: string) => {
    const [s] = await db.sql<
      { id: string }[]
    >`insert into sites (slug, name) values (${`${kind}-${id}`}, ${`${kind} ${id}`}) returning id`;
    const key = `${kind}-dev-${id}`;
    const [d] = await db.sql<{ id: string }[]>`
      insert into devices (key, name, site_id) values (${key}, ${`${kind} device ${id}`}, ${s!.id}) returning id`;
    return { id: s!.id, slug: `${kind}-${id}`, deviceKey: key, deviceId: d!.id };
  };
  const farmSite = await site("farm");
  const [q] = await db.sql<{ id: number }[]>`
    insert into quarantine (message_id, topic, device_key, device_id, payload, reason, detail)
    values (gen_random_uuid(), ${`devices/${farmSite.deviceKey}/telemetry`}, ${farmSite.deviceKey}, ${farmSite.deviceId}, ${Buffer.from("not json")}, 'malformed', 'e2e')
    returning id::float8 as id`;
  const [rule] = await db.sql<{ id: string }[]>`
    insert into alert_rules (site_id, device_id, name, metric, comparison, threshold) values (${farmSite.id}, ${farmSite.deviceId}, 'Too warm', 't', 'above', 30)
    returning id`;
  const farm = { ...farmSite, quarantineId: q!.id, ruleId: rule!.id };
  const factory = await site("factory");
  const person = async (name: string, roles: [string, SiteRole][], isAdmin = false): Promise<Person> => {
    const email = `${name.toLowerCase()}-${id}@e2e.test`;
    const password = `${name}-pass-${id}-long`;
    const [u] = await db.sql<{ id: string }[]>`
      insert into users (email, name, password_hash, is_admin) values (${email}, ${name}, ${await hashPassword(password)}, ${isAdmin}) returning id`;
    for (const [siteId, role] of roles)
      await db.sql`insert into memberships (user_id, site_id, role) values (${u!.id}, ${siteId}, ${role})`;
    const token = async (scope: "read" | "write") => {
      const { token, hash, prefix } = generateApiToken();
      await db.sql`insert into api_tokens (user_id, name, token_hash, prefix, scope) values (${u!.id}, 'e2e', ${hash}, ${prefix}, ${scope})`;
      return token;
    };
    return { id: u!.id, email, password, token: await token("write"), readToken: await token("read") };
  };
  return {
    farm,
    factory,
    people: {
      otherViewer: await person("OtherViewer", [[factory.id, "viewer"]]),
      viewer: await person("Viewer", [[farm.id, "viewer"]]),
      operator: await person("Operator", [[farm.id, "operator"]]),
      siteAdmin: await person("SiteAdmin", [[farm.id, "admin"]]),
      globalAdmin: await person("GlobalAdmin", [], true),
      // A viewer of the farm who administers the factory: rights on one site must not leak to the other.
      twoSites: await person("TwoSites", [
        [farm.id, "viewer"],
        [factory.id, "admin"],
      ]),
    },
  };
}
