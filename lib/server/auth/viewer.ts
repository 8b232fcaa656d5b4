import { getServerSession } from "next-auth";
import { cache } from "react";
import { getDb } from "../db/client";
import { loadViewer, type Viewer } from "../db/queries/users";
import { authOptions } from "./options";

/** The session cookie's user and session version, when someone is signed in. */
export const currentSession = cache(async (): Promise<{ userId: string; version: number } | null> => {
  const session = await getServerSession(authOptions);
  const user = session?.user as { id?: string; sv?: number } | undefined;
  // A cookie from before session versions counts as version 0, until the first change ends it.
  return user?.id ? { userId: user.id, version: user.sv ?? 0 } : null;
});

/**
 * Who is asking, from the session cookie; null when nobody (or a disabled user, or a session
 * ended since) is signed in. Loaded fresh from the database for each request (cached within it:
 * layout and page share it).
 */
export const currentViewer = cache(async (): Promise<Viewer | null> => {
  const session = await currentSession();
  return session ? loadViewer(getDb().orm, session.userId, session.version) : null;
});
