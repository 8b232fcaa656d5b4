import Link from "next/link";
import { Skeleton } from "../ui/skeleton";

export function ListSkeleton({ rows = 8 }: { rows?: number }) {
  return (
    <div role="status" aria-label="Loading devices" className="divide-y divide-border">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="flex items-center gap-4 px-4 py-3.5">
          <Skeleton className="size-2.5 rounded-full" />
          <div className="flex-1 space-y-1.5">
            <Skeleton className="h-3.5 w-40 max-w-full" />
            <Skeleton className="h-3 w-24" />
          </div>
          <Skeleton className="hidden h-3.5 w-28 sm:block" />
          <Skeleton className="hidden h-3.5 w-16 md:block" />
          <Skeleton className="hidden h-3.5 w-36 lg:block" />
        </div>
      ))}
    </div>
  );
}

export function EmptyFleet() {
  return (
    <div className="px-6 py-16 text-center">
      <p className="text-base font-semibold">No devices yet</p>
      <p className="mx-auto mt-2 max-w-md text-muted">
        Devices show up here once a site admin adds them (Add device, or a CSV import). To see some at once,
        run{" "}
        <code className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs dark:bg-zinc-800">
          npm run simulate
        </code>{" "}
        on the server.
      </p>
    </div>
  );
}

export function ListError({ message, unauthenticated }: { message: string; unauthenticated: boolean }) {
  return (
    <div role="alert" className="px-6 py-12 text-center">
      <p className="font-semibold text-danger">Couldn&apos;t load devices</p>
      <p className="mt-1 text-muted">{message}</p>
      {unauthenticated && (
        <Link
          href="/login?callbackUrl=%2Fdevices"
          className="mt-3 inline-block font-medium text-accent hover:underline"
        >
          Sign in again
        </Link>
      )}
    </div>
  );
}
