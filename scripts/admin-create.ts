import { parseArgs } from "node:util";
import { connectDb } from "../lib/server/db/connect";
import { loadDotEnv } from "../lib/server/dotenv";
import { ConfigError, loadEnv, requireSetting } from "../lib/server/env";
import { AdminAccountError, createOrResetAdmin } from "../lib/server/users/admin-account";

const USAGE = `npm run admin:create -- --email <address> [--name <name>] [--password-stdin]

Creates a global admin in DATABASE_URL, or — for an existing account — makes it a global admin,
enables it, sets a new password, forgives its failed sign-ins and ends its sessions.
  --password-stdin   read the password from standard input (e.g. echo "$PW" | npm run …);
                     without it a password is generated and printed once.`;

/** `npm run admin:create`: the first admin of a production installation, or a way back in. */
async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        email: { type: "string" },
        name: { type: "string" },
        "password-stdin": { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
    }));
  } catch (err) {
    return say(`${(err as Error).message}\n\n${USAGE}`, 2);
  }
  if (values.help) return say(USAGE, 0);
  if (!values.email) return say(`--email is required.\n\n${USAGE}`, 2);
  loadDotEnv();
  const url = requireSetting(loadEnv(), "DATABASE_URL", "the database to create the admin in");
  const password = values["password-stdin"] ? await readStdin() : undefined;
  if (password === "") return say("--password-stdin: standard input was empty.", 2);
  const db = connectDb(url, { max: 1, applicationName: "fieldwatch-admin-create" });
  try {
    const admin = await createOrResetAdmin(db.sql, { email: values.email, name: values.name, password });
    console.log(
      admin.created
        ? `created the global admin ${admin.email}`
        : `${admin.email} is a global admin again, enabled, with a new password; their sessions were ended`,
    );
    if (admin.generatedPassword) console.log(`password (shown once): ${admin.generatedPassword}`);
    return 0;
  } finally {
    await db.close();
  }
}

function say(text: string, code: number): number {
  (code === 0 ? console.log : console.error)(text);
  return code;
}

/** The whole of stdin, without the newline `echo` adds. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    const known = err instanceof ConfigError || err instanceof AdminAccountError;
    console.error(known ? err.message : err);
    process.exit(1);
  },
);
