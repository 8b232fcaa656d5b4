import { getServerSession } from "next-auth";
import { cache } from "react";
import { getDb } from "../db/client";
import { loadViewer, type Viewer } from "../db/queries/users";
import { authOptions } from "./options";

/**
 * Who is asking, from the session cookie; null when nobody (or a disabled user) is signed in.
 * Loaded fresh from the database for each request (cached within it: layout and page share it).
 */
export const currentViewer = cache(async (): Promise<Viewer | null> => {
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  return loadViewer(getDb().orm, id);
});
