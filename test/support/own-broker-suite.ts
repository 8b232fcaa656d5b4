import { afterAll, beforeAll, inject } from "vitest";
import { connectDb } from "../../lib/server/db/connect";
import { startOwnBroker, type OwnBroker } from "./own-broker";

/**
 * For a test file that needs a broker of its own (a config written for load, restartable):
 * starts it before the file's tests and stops it, with the database connection, after them.
 */
export function withOwnBroker() {
  const db = connectDb(inject("databaseUrl"));
  let broker: OwnBroker | undefined;
  beforeAll(async () => {
    broker = await startOwnBroker();
  });
  afterAll(async () => {
    await broker?.stop();
    await db.close();
  });
  return {
    db,
    get broker(): OwnBroker {
      if (!broker) throw new Error("the broker starts in beforeAll");
      return broker;
    },
  };
}
