"use client";

import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { RelativeTime } from "../ui/relative-time";
import { useNow } from "../ui/use-now";
import type { ApiTokenView } from "@/lib/server/db/queries/api-tokens";
import { formatDate, SCOPE_LABEL } from "./use-tokens";

const CELL =
  "px-4 py-3 align-middle max-md:flex max-md:gap-2 max-md:p-0 max-md:before:w-24 max-md:before:shrink-0 max-md:before:font-sans max-md:before:text-sm max-md:before:text-muted max-md:before:content-[attr(data-label)]";

/** Your live tokens: a table on wide screens, labelled stacks on phones. */
export function TokenList({
  tokens,
  onRevoke,
}: {
  tokens: ApiTokenView[];
  onRevoke: (token: ApiTokenView) => void;
}) {
  const now = useNow();
  return (
    <table className="w-full text-sm max-md:block">
      <thead className="border-b border-border bg-zinc-50 text-xs uppercase tracking-wide text-muted max-md:hidden dark:bg-zinc-900">
        <tr>
          {["Name", "Token", "Scope", "Created", "Last used", "Expires"].map((h) => (
            <th key={h} scope="col" className="px-4 py-2.5 text-left font-medium">
              {h}
            </th>
          ))}
          <th scope="col" className="px-4 py-2.5">
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-border max-md:block">
        {tokens.map((t) => {
          const expired = t.expiresAt !== null && Date.parse(t.expiresAt) < now;
          return (
            <tr
              key={t.id}
              data-testid="token-row"
              className="max-md:block max-md:space-y-1.5 max-md:px-4 max-md:py-3"
            >
              <td className="px-4 py-3 align-middle font-medium max-md:block max-md:p-0">{t.name}</td>
              <td data-label="Token" className={`${CELL} font-mono text-xs`}>
                {t.prefix}…
              </td>
              <td data-label="Scope" className={CELL}>
                <Badge tone={t.scope === "write" ? "accent" : "neutral"}>{SCOPE_LABEL[t.scope]}</Badge>
              </td>
              <td data-label="Created" className={`${CELL} whitespace-nowrap`}>
                {formatDate(t.createdAt)}
              </td>
              <td data-label="Last used" className={`${CELL} whitespace-nowrap text-muted`}>
                <RelativeTime value={t.lastUsedAt} />
              </td>
              <td data-label="Expires" className={`${CELL} whitespace-nowrap`}>
                {t.expiresAt === null ? (
                  <span className="text-muted">never</span>
                ) : expired ? (
                  <Badge tone="danger">Expired</Badge>
                ) : (
                  formatDate(t.expiresAt)
                )}
              </td>
              <td className="px-4 py-3 text-right align-middle max-md:block max-md:p-0 max-md:pt-1 max-md:text-left">
                <Button className="px-2.5 py-1.5" onClick={() => onRevoke(t)} aria-label={`Revoke ${t.name}`}>
                  Revoke
                </Button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
