import type { SiteView } from "@/lib/server/db/queries/sites";

/** A site's devices as one bar (green online, red offline, grey never seen) with the counts beside it. */
export function StateBar({ site, className = "" }: { site: SiteView; className?: string }) {
  const share = (n: number) => `${site.devices ? (n / site.devices) * 100 : 0}%`;
  return (
    <div className={`flex items-center gap-3 ${className}`}>
      <div className="flex h-2 flex-1 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800" aria-hidden>
        <span className="bg-ok" style={{ width: share(site.online) }} />
        <span className="bg-danger/80" style={{ width: share(site.offline) }} />
      </div>
      <span
        className="whitespace-nowrap text-xs tabular-nums text-muted"
        data-testid={`site-counts-${site.slug}`}
      >
        {site.online} online · {site.offline} offline · {site.never} never seen
      </span>
    </div>
  );
}
