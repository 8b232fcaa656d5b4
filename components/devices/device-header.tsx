import Link from "next/link";
import type { ReactNode } from "react";
import type { DeviceStatus, DeviceView } from "@/lib/server/db/queries/devices";
import type { LiveState } from "../live/use-live-readings";
import { Badge } from "../ui/badge";
import { RelativeTime } from "../ui/relative-time";
import { StatusDot, STATUS_LABEL } from "../ui/status-dot";
import { Notice } from "../ui/notice";
import { LiveIndicator } from "./live-indicator";

const TONE: Record<DeviceStatus, "ok" | "danger" | "neutral"> = {
  online: "ok",
  offline: "danger",
  never: "neutral",
};

/** Who the device is and how it is doing: name, key, where it lives, status, last heard from. */
export function DeviceHeader({
  device,
  live,
  actions,
}: {
  device: DeviceView;
  live: LiveState;
  actions?: ReactNode;
}) {
  const facts: [string, string][] = [
    ["Site", device.site.name],
    ["Type", device.type?.name ?? "Untyped"],
    ...(device.location ? ([["Location", device.location]] as [string, string][]) : []),
    ...(device.latitude !== null && device.longitude !== null
      ? ([["Coordinates", `${device.latitude}, ${device.longitude}`]] as [string, string][])
      : []),
  ];
  return (
    <header className="space-y-3">
      <Link href="/devices" className="inline-flex items-center gap-1 text-muted hover:text-foreground">
        <span aria-hidden>←</span> Devices
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2.5">
            <h1 className="truncate text-xl font-semibold tracking-tight sm:text-2xl">{device.name}</h1>
            <Badge tone={TONE[device.status]}>
              <StatusDot status={device.status} className="size-1.5 ring-0" />
              <span data-testid="device-status">{STATUS_LABEL[device.status]}</span>
            </Badge>
            {device.disabled && <Badge>Disabled</Badge>}
          </div>
          <p className="mt-0.5 font-mono text-xs text-muted">{device.key}</p>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          {actions}
          <LiveIndicator state={live} />
        </div>
      </div>
      {device.archivedAt && (
        <Notice tone="info">
          This device was deleted <RelativeTime value={device.archivedAt} />; its data is kept here. It
          can&apos;t connect, and its key stays reserved.
        </Notice>
      )}
      <dl className="flex flex-wrap gap-x-6 gap-y-1.5">
        {facts.map(([label, value]) => (
          <div key={label} className="flex gap-1.5">
            <dt className="text-muted">{label}</dt>
            <dd className="font-medium">{value}</dd>
          </div>
        ))}
        <div className="flex gap-1.5">
          <dt className="text-muted">Last seen</dt>
          <dd className="font-medium">
            <RelativeTime value={device.lastSeenAt} />
          </dd>
        </div>
      </dl>
    </header>
  );
}
