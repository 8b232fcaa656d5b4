/** The Fieldwatch mark (a signal pulse in a rounded square) and, optionally, the name. */
export function Logo({ withName = true, className = "" }: { withName?: boolean; className?: string }) {
  return (
    <span className={`inline-flex items-center gap-2 font-semibold tracking-tight ${className}`}>
      <svg viewBox="0 0 24 24" className="size-7 shrink-0" aria-hidden>
        <rect width="24" height="24" rx="6" className="fill-accent" />
        <path
          d="M4 13h3.5l2-5 3.5 9 2.5-6 1.5 2H20"
          fill="none"
          strokeWidth="2"
          strokeLinecap="round"
          strokeLinejoin="round"
          className="stroke-accent-foreground"
        />
      </svg>
      {withName && <span className="text-base">Fieldwatch</span>}
    </span>
  );
}
