import type { HTMLAttributes, ReactNode } from "react";

/** A white (or dark) panel with a hairline border: the dashboard's basic container. */
export function Card({ className = "", children, ...rest }: HTMLAttributes<HTMLDivElement>) {
  return (
    <div className={`rounded-lg border border-border bg-surface shadow-xs ${className}`} {...rest}>
      {children}
    </div>
  );
}

export function CardHeader({
  title,
  actions,
  className = "",
}: {
  title: ReactNode;
  actions?: ReactNode;
  className?: string;
}) {
  return (
    <div className={`flex items-center justify-between gap-3 border-b border-border px-4 py-3 ${className}`}>
      <h2 className="min-w-0 truncate text-sm font-semibold">{title}</h2>
      {actions}
    </div>
  );
}
