import Link from "next/link";
import type { ReactNode } from "react";
import { Card } from "../ui/card";
import { Skeleton } from "../ui/skeleton";

/** One figure of the Overview, large, with what it counts; a link when there is more to see. */
export function StatTile({
  label,
  value,
  hint,
  href,
  tone = "",
  testId,
}: {
  label: string;
  value: ReactNode | null;
  hint?: string;
  href?: string;
  tone?: string;
  testId?: string;
}) {
  const body = (
    <Card className={`h-full p-4 transition ${href ? "hover:border-accent/50 hover:shadow-sm" : ""}`}>
      <p className="text-xs font-medium uppercase tracking-wide text-muted">{label}</p>
      {value === null ? (
        <Skeleton className="mt-2 h-8 w-16" />
      ) : (
        <p
          data-testid={testId}
          className={`mt-1.5 text-3xl font-semibold tabular-nums tracking-tight ${tone}`}
        >
          {value}
        </p>
      )}
      {hint && <p className="mt-1 text-xs text-muted">{hint}</p>}
    </Card>
  );
  return href ? (
    <Link href={href} className="block rounded-lg focus-visible:outline-2 focus-visible:outline-accent">
      {body}
    </Link>
  ) : (
    body
  );
}
