import { execFileSync } from "node:child_process";

/** A free TCP port, found synchronously (Playwright's config can't await). */
export function pickFreePortSync(): number {
  const script =
    "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})";
  return Number(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }).trim());
}
