"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { fetchJson } from "../api/fetch-json";
import { queryKeys } from "../api/keys";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { Dialog } from "../ui/dialog";
import { TypeForm } from "./type-form";
import type { DeviceTypeView } from "@/lib/server/db/queries/device-types";

const range = (m: DeviceTypeView["metrics"][number]) =>
  m.min === undefined && m.max === undefined
    ? "any value"
    : `${m.min ?? "−∞"} to ${m.max ?? "∞"}${m.unit ? ` ${m.unit}` : ""}`;

/** Every device type with its metrics; global admins add and edit them. */
export function DeviceTypesView({ initial, canEdit }: { initial: DeviceTypeView[]; canEdit: boolean }) {
  const { data: types = initial } = useQuery({
    queryKey: queryKeys.deviceTypes(),
    // The API's answer as it is: the alert rule editor reads the same cache entry.
    queryFn: () => fetchJson<{ items: DeviceTypeView[] }>("/api/device-types"),
    initialData: { items: initial },
    select: (d) => d.items,
  });
  const [editing, setEditing] = useState<DeviceTypeView | "new" | null>(null);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold tracking-tight sm:text-2xl">Device types</h1>
          <p className="mt-0.5 text-muted">
            What each kind of device reports, in which unit, and the range a reading must be in to be charted.
          </p>
        </div>
        {canEdit && (
          <Button variant="primary" onClick={() => setEditing("new")}>
            Add type
          </Button>
        )}
      </div>
      {!canEdit && (
        <p className="text-xs text-muted">
          Types are shared by every site, so only global admins change them.
        </p>
      )}
      {types.length === 0 ? (
        <p className="rounded-lg border border-dashed border-border px-6 py-12 text-center text-muted">
          No device types yet.{canEdit ? " Add one to describe what your devices report." : ""}
        </p>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          {types.map((t) => (
            <Card key={t.slug} className="space-y-3 p-4" data-testid={`device-type-${t.slug}`}>
              <div className="flex items-start justify-between gap-2">
                <div>
                  <h2 className="font-semibold">{t.name}</h2>
                  <p className="font-mono text-xs text-muted">
                    {t.slug} · {t.devices} {t.devices === 1 ? "device" : "devices"} · offline after{" "}
                    {Math.round(t.inactivityTimeoutS / 60) || 1} min
                  </p>
                </div>
                {canEdit && (
                  <Button onClick={() => setEditing(t)} aria-label={`Edit ${t.name}`}>
                    Edit
                  </Button>
                )}
              </div>
              {t.metrics.length === 0 ? (
                <p className="text-xs text-muted">No metrics declared.</p>
              ) : (
                <ul className="divide-y divide-border text-sm">
                  {t.metrics.map((m) => (
                    <li key={m.name} className="flex flex-wrap justify-between gap-x-3 py-1.5">
                      <span>
                        <span className="font-medium">{m.label ?? m.name}</span>{" "}
                        <span className="font-mono text-xs text-muted">{m.name}</span>
                        {m.key && <span className="ml-2 text-xs text-accent">in fleet table</span>}
                      </span>
                      <span className="text-muted tabular-nums">{range(m)}</span>
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          ))}
        </div>
      )}
      <Dialog
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === "new" ? "Add device type" : `Edit ${editing?.name ?? ""}`}
        className="max-w-3xl"
      >
        <TypeForm
          type={editing === "new" || editing === null ? undefined : editing}
          onDone={() => setEditing(null)}
        />
      </Dialog>
    </div>
  );
}
