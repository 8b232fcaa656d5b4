"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect } from "react";
import { errorMessage } from "../api/fetch-json";
import { sendJson } from "../api/send-json";
import { Button } from "../ui/button";
import type { RulePreviewView } from "@/lib/server/db/queries/alert-preview";

const when = (t: number) =>
  new Date(t).toLocaleString(undefined, { weekday: "short", hour: "2-digit", minute: "2-digit" });

/** "Would have fired N times in the last 7 days", with each device's episodes drawn on a week's strip. */
export function RulePreview({ input, ready }: { input: object; ready: boolean }) {
  const preview = useMutation({
    mutationFn: () => sendJson<RulePreviewView>("/api/alert-rules/preview", "POST", input),
  });
  const key = JSON.stringify(input);
  const { reset } = preview;
  // A change to the rule makes the last answer stale.
  useEffect(() => reset(), [key, reset]);
  const data = preview.data;
  const devices = data
    ? [...new Map(data.episodes.map((e) => [e.device.key, e.device])).values()].slice(0, 5)
    : [];
  return (
    <div className="space-y-2" data-testid="rule-preview">
      <Button
        onClick={() => preview.mutate()}
        disabled={!ready}
        busy={preview.isPending}
        className="min-h-11"
      >
        Preview the last 7 days
      </Button>
      {preview.error && <p className="text-xs text-danger">{errorMessage(preview.error)}</p>}
      {data && (
        <div className="space-y-2 rounded-md border border-border p-3">
          <p aria-live="polite">
            {data.fired === 0
              ? "Would not have fired"
              : `Would have fired ${data.fired === 1 ? "once" : `${data.fired} times`}`}{" "}
            in the last 7 days
            {data.devicesInScope > 1
              ? ` (${data.devicesChecked < data.devicesInScope ? `first ${data.devicesChecked} of ` : ""}${data.devicesInScope} devices)`
              : ""}
            .
          </p>
          {devices.map((d) => (
            <div key={d.key} className="space-y-1">
              <p className="text-xs text-muted">{d.name}</p>
              <svg
                viewBox="0 0 1000 12"
                preserveAspectRatio="none"
                className="h-3 w-full rounded bg-zinc-100 dark:bg-zinc-800"
                role="img"
                aria-label={`Episodes of ${d.name}`}
              >
                {data.episodes
                  .filter((e) => e.device.key === d.key)
                  .map((e) => {
                    const x = ((e.start - data.from) / (data.to - data.from)) * 1000;
                    const w = Math.max(3, (((e.end ?? data.to) - e.start) / (data.to - data.from)) * 1000);
                    return <rect key={e.start} x={x} y={0} width={w} height={12} className="fill-red-500" />;
                  })}
              </svg>
            </div>
          ))}
          {data.episodes.length > 0 && (
            <ul className="text-xs text-muted">
              {data.episodes.slice(-5).map((e) => (
                <li key={`${e.device.key}-${e.start}`}>
                  {e.device.name}: {when(e.start)} → {e.end ? when(e.end) : "still firing"}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
