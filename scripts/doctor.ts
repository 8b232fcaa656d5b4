import { loadDotEnv } from "../lib/server/dotenv";
import { ConfigError, loadEnv } from "../lib/server/env";
import { diagnose, report } from "./doctor/index";

/** `npm run doctor` (scripts/doctor/): checks this deployment's settings and services, says what to fix. */
loadDotEnv();
try {
  const findings = await diagnose(loadEnv());
  console.log(report(findings));
  const failed = findings.filter((f) => f.status === "fail").length;
  console.log(failed ? `\n${failed} problem(s) to fix.` : "\nNothing to fix.");
  process.exit(failed ? 1 : 0);
} catch (err) {
  console.error(err instanceof ConfigError ? `FAIL  settings: ${err.message}` : err);
  process.exit(1);
}
