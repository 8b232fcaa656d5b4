"use client";

import { Badge } from "../ui/badge";
import { RelativeTime } from "../ui/relative-time";
import type { CommandStatus } from "@/lib/domain/commands/protocol";
import type { CommandView } from "@/lib/server/commands/view";

const STATUS: Record<CommandStatus, { label: string; tone: "neutral" | "ok" | "danger" | "accent" }> = {
  sent: { label: "Sent", tone: "accent" },
  acknowledged: { label: "Acknowledged", tone: "ok" },
  timed_out: { label: "Timed out", tone: "neutral" },
  failed: { label: "Failed", tone: "danger" },
};

const codeClass =
  "block min-w-0 rounded bg-zinc-50 px-2 py-1 font-mono text-xs break-all whitespace-pre-wrap dark:bg-zinc-900";

/** The device's latest commands, newest first: what, status, who and when, and the device's answer. */
export function CommandHistory({ items }: { items: CommandView[] }) {
  if (items.length === 0)
    return <p className="px-4 py-6 text-center text-muted">No commands have been sent to this device yet.</p>;
  return (
    <ul className="divide-y divide-border" aria-label="Command history">
      {items.map((c) => (
        <li key={c.id} data-testid="command-row" className="space-y-1.5 px-4 py-3">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <Badge tone={STATUS[c.status].tone}>{STATUS[c.status].label}</Badge>
            <span className="text-xs text-muted">
              {c.sentBy ? <span title={c.sentBy.email}>{c.sentBy.name}</span> : "unknown sender"},{" "}
              <RelativeTime value={c.sentAt} />
              {c.ackedAt && (
                <> · answered after {formatDelay(Date.parse(c.ackedAt) - Date.parse(c.sentAt))}</>
              )}
            </span>
          </div>
          <code className={codeClass}>{JSON.stringify(c.command)}</code>
          {c.response && (
            <div className="flex items-start gap-2 text-xs">
              <span
                className={`shrink-0 pt-1 ${c.response.ok === false ? "font-medium text-danger" : "text-muted"}`}
              >
                Answer
              </span>
              <code className={codeClass}>{JSON.stringify(c.response)}</code>
            </div>
          )}
          {c.status === "failed" && (
            <p className="text-xs text-danger">
              The broker did not take it in time; send it again if it is still needed.
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}

function formatDelay(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.round(ms / 60_000)} min`;
}
