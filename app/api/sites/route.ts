import { z } from "zod";
import { audit } from "@/lib/server/audit";
import { clientAddress } from "@/lib/server/auth/origin";
import { can, scopeFor } from "@/lib/server/auth/permissions";
import { authenticate } from "@/lib/server/auth/principal";
import { getDb } from "@/lib/server/db/client";
import { siteSummaries, toSiteView } from "@/lib/server/db/queries/sites";
import { sites } from "@/lib/server/db/schema";
import { ApiError, forbidden } from "@/lib/server/http/errors";
import { jsonBody, route } from "@/lib/server/http/route";

export const dynamic = "force-dynamic";

const newSite = z.object({
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "lower-case letters, digits and dashes"),
  name: z.string().trim().min(1, "required").max(120),
});

/** The sites the caller can see, with device counts. */
export const GET = route(async (req) => {
  const viewer = await authenticate(req);
  const sites = await siteSummaries(getDb().sql, scopeFor(viewer, "device.read"));
  return Response.json({ items: sites.map(toSiteView) });
});

/** Global admins create sites. */
export const POST = route(async (req) => {
  const viewer = await authenticate(req, { write: true });
  if (!can(viewer, "site.manage", "")) throw forbidden("Only global admins create sites.");
  const body = await jsonBody(req, newSite);
  const { orm, sql } = getDb();
  const [site] = await orm.insert(sites).values(body).onConflictDoNothing().returning();
  if (!site)
    throw new ApiError(409, "conflict", `A site "${body.slug}" exists already.`, { slug: "already taken" });
  await audit(sql, {
    action: "site.create",
    actor: viewer,
    target: { type: "site", id: site.slug },
    siteId: site.id,
    ip: clientAddress(req.headers),
  });
  return Response.json({ slug: site.slug, name: site.name, createdAt: site.createdAt }, { status: 201 });
});
