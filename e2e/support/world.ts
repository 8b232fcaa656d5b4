import { test } from "@playwright/test";
import type { Db } from "../../lib/server/db/connect";
import { createWorld, type World } from "./personas";
import { openDb } from "./stack";

/**
 * A world of its own for the spec that calls this (sites, devices, one person per role), made
 * before its tests and with the database closed after: read `.world` and `.db` inside tests.
 */
export function worldForSpec(): { readonly world: World; readonly db: Db } {
  const state = {} as { world: World; db: Db };
  test.beforeAll(async () => {
    state.db = openDb();
    state.world = await createWorld(state.db);
  });
  test.afterAll(() => state.db.close());
  return state;
}
