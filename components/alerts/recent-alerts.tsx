"use client";

import Link from "next/link";
import { errorMessage } from "../api/fetch-json";
import { Card, CardHeader } from "../ui/card";
import { RelativeTime } from "../ui/relative-time";
import { Skeleton } from "../ui/skeleton";
import { SeverityBadge } from "./severity-badge";
import { useAlerts } from "./use-alerts";

/** The last five alerts, firing or not, for the Overview; the Alerts page has the rest. */
export function RecentAlerts() {
  const { data, error } = useAlerts({ state: "history", limit: 5 });
  return (
    <Card>
      <CardHeader
        title="Recent alerts"
        actions={
          <Link href="/alerts?state=history" className="text-xs font-medium text-accent hover:underline">
            All alerts →
          </Link>
        }
      />
      {error && !data ? (
        <p role="alert" className="px-4 py-6 text-center text-danger">
          Couldn&apos;t load alerts: {errorMessage(error)}
        </p>
      ) : !data ? (
        <div className="space-y-3 p-4">
          <Skeleton className="h-4 w-2/3" />
          <Skeleton className="h-4 w-1/2" />
        </div>
      ) : data.items.length === 0 ? (
        <p className="px-4 py-8 text-center text-muted">
          No alerts so far. Rules you set up raise them here.
        </p>
      ) : (
        <ul className="divide-y divide-border" data-testid="recent-alerts">
          {data.items.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3">
              <SeverityBadge severity={a.severity} />
              <span className="min-w-0 flex-1 [overflow-wrap:anywhere]">
                <span className="font-medium">{a.rule.name}</span>
                <span className="text-muted"> · </span>
                <Link
                  href={`/devices/${encodeURIComponent(a.device.key)}`}
                  className="text-accent hover:underline"
                >
                  {a.device.name}
                </Link>
              </span>
              <span className="text-xs text-muted">
                {a.resolvedAt ? (
                  <>
                    resolved <RelativeTime value={a.resolvedAt} />
                  </>
                ) : (
                  <>
                    <span className="font-medium text-danger">firing</span> since{" "}
                    <RelativeTime value={a.startedAt} />
                  </>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
