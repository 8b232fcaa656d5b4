import "server-only";
import { getDb } from "../db/client";
import { listVisibleSites } from "../db/queries/sites";
import type { Viewer } from "../db/queries/users";
import { scopeFor } from "./permissions";

/**
 * For the alerting pages: the sites where `viewer` edits rules and acknowledges alerts, by slug
 * (the API checks each action again; this only decides which buttons show).
 */
export async function alertingRights(
  viewer: Viewer,
): Promise<{ ruleSites: { slug: string; name: string }[]; ackSites: string[] }> {
  const { orm } = getDb();
  const [ruleSites, ackSites] = await Promise.all([
    listVisibleSites(orm, scopeFor(viewer, "rule.edit")),
    listVisibleSites(orm, scopeFor(viewer, "alert.ack")),
  ]);
  return {
    ruleSites: ruleSites.map(({ slug, name }) => ({ slug, name })),
    ackSites: ackSites.map((s) => s.slug),
  };
}
