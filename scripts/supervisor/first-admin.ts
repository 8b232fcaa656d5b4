import { writeFileSync } from "node:fs";
import path from "node:path";
import type { FirstAdmin } from "../../lib/server/auth/bootstrap";
import { formatLogLine } from "./format";

export interface AdminAnnouncement {
  /** The supervisor's own output, which may well end up in a log file. */
  say(msg: string): void;
  /** stdout when it is a terminal (isTTY), else null: the only place a generated password is shown. */
  terminal: { write(text: string): unknown } | null;
  dataDir: string;
  /** ADMIN_PASSWORD is set. */
  passwordSet: boolean;
}

/** Where a generated password goes when there is no terminal to show it on. */
export const firstAdminPasswordFile = (dataDir: string) => path.join(dataDir, "first-admin-password");

/**
 * Tells the operator how to sign in after `ensureFirstAdmin`. A generated password is shown once,
 * on the terminal; with output going elsewhere (a file, journald) it is written to a file only
 * the owner can read instead, and the output names the file, never the password.
 */
export function announceFirstAdmin(admin: FirstAdmin, out: AdminAnnouncement): void {
  if (admin.generatedPassword && out.terminal) {
    const line = `created the first admin — sign in as ${admin.email} with password ${admin.generatedPassword}`;
    out.terminal.write(`${formatLogLine("fieldwatch", line)}\n`);
    out.say("(shown once; set ADMIN_PASSWORD to choose it yourself)");
  } else if (admin.generatedPassword) {
    const file = firstAdminPasswordFile(out.dataDir);
    writeFileSync(file, `${admin.generatedPassword}\n`, { mode: 0o600 });
    out.say(
      `created the first admin ${admin.email}; output is not a terminal, so its generated password is in ${file} (readable only by you): sign in, then delete the file`,
    );
  } else if (admin.created) {
    out.say(`created the first admin — sign in as ${admin.email} with the ADMIN_PASSWORD you set`);
  } else if (out.passwordSet) {
    out.say(
      "ADMIN_PASSWORD is ignored: it only sets the first admin's password, and there are users already (change passwords in the app)",
    );
  }
}
