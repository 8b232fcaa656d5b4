import type { DeviceStatus } from "@/lib/server/db/queries/devices";

const DOT: Record<DeviceStatus, string> = {
  online: "bg-ok ring-ok/25 ring-4",
  offline: "bg-danger/80",
  never: "border-2 border-muted bg-transparent",
};

export const STATUS_LABEL: Record<DeviceStatus, string> = {
  online: "Online",
  offline: "Offline",
  never: "Never seen",
};

/** Green when online, red-grey when offline, a hollow ring when never seen. */
export function StatusDot({ status, className = "" }: { status: DeviceStatus; className?: string }) {
  return (
    <span aria-hidden className={`inline-block size-2.5 shrink-0 rounded-full ${DOT[status]} ${className}`} />
  );
}

/** Dot and label, e.g. for table cells. */
export function StatusLabel({ status }: { status: DeviceStatus }) {
  return (
    <span className="inline-flex items-center gap-2 whitespace-nowrap" data-status={status}>
      <StatusDot status={status} />
      <span className={status === "online" ? "" : "text-muted"}>{STATUS_LABEL[status]}</span>
    </span>
  );
}
