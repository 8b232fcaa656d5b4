import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const METHOD = /(?:export\s+(?:const|async\s+function|function)\s+|\bas\s+)(GET|POST|PUT|PATCH|DELETE)\b/g;

/** Every `METHOD /api/...` the app serves, read from app/api's route files (so a new one can't hide). */
export function apiRoutes(root = path.resolve("app/api")): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const template = "/api/" + path.relative(root, dir).split(path.sep).join("/");
        for (const m of readFileSync(full, "utf8").matchAll(METHOD)) found.push(`${m[1]} ${template}`);
      }
    }
  };
  walk(root);
  return [...new Set(found)].sort();
}
