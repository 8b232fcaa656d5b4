import { SEVERITY_LABEL, type Severity } from "./types";

const TONES: Record<Severity, string> = {
  critical: "bg-red-600 text-white ring-red-700 dark:bg-red-700 dark:ring-red-600",
  warning:
    "bg-amber-100 text-amber-900 ring-amber-300 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-800",
  info: "bg-sky-50 text-sky-700 ring-sky-200 dark:bg-sky-950 dark:text-sky-300 dark:ring-sky-900",
};

/** The colour and the word both, so the severity reads without colour too. */
export function SeverityBadge({ severity, className = "" }: { severity: Severity; className?: string }) {
  return (
    <span
      data-severity={severity}
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${TONES[severity]} ${className}`}
    >
      {SEVERITY_LABEL[severity]}
    </span>
  );
}

/** Text colour for a count of alerts of this severity (grey when there are none). */
export const severityText = (severity: Severity, n: number | undefined) =>
  !n
    ? ""
    : severity === "critical"
      ? "text-danger"
      : severity === "warning"
        ? "text-amber-600 dark:text-amber-400"
        : "text-sky-600 dark:text-sky-400";
