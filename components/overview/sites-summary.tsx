"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { fetchJson } from "../api/fetch-json";
import { queryKeys } from "../api/keys";
import type { SiteView } from "@/lib/server/db/queries/sites";
import { Card, CardHeader } from "../ui/card";
import { Skeleton } from "../ui/skeleton";
import { StateBar } from "../sites/state-bar";

/** Each site in a line, with how its devices are doing; the Sites page has the detail. */
export function SitesSummary() {
  const { data } = useQuery({
    queryKey: queryKeys.sites(),
    queryFn: ({ signal }) => fetchJson<{ items: SiteView[] }>("/api/sites", { signal }),
    refetchInterval: 15_000,
  });
  return (
    <Card>
      <CardHeader
        title="Sites"
        actions={
          <Link href="/sites" className="text-xs font-medium text-accent hover:underline">
            All sites →
          </Link>
        }
      />
      {!data ? (
        <div className="space-y-3 p-4">
          <Skeleton className="h-4 w-2/3" />
          <Skeleton className="h-4 w-1/2" />
        </div>
      ) : data.items.length === 0 ? (
        <p className="px-4 py-8 text-center text-muted">
          You don&apos;t have access to any site yet. An admin can add you to one.
        </p>
      ) : (
        <ul className="divide-y divide-border">
          {data.items.map((site) => (
            <li key={site.slug}>
              <Link
                href={`/sites#${site.slug}`}
                className="flex flex-wrap items-center gap-x-4 gap-y-1.5 px-4 py-3 hover:bg-zinc-50 dark:hover:bg-zinc-900"
              >
                <span className="min-w-40 flex-1 font-medium">{site.name}</span>
                <StateBar site={site} className="w-full sm:w-64" />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
