"use client";

import { useState } from "react";
import type { ProvisioningContext } from "../provisioning/types";
import { Button } from "../ui/button";
import { Card, CardHeader } from "../ui/card";
import { RelativeTime } from "../ui/relative-time";
import { ProvisionSeenDialog } from "./provision-seen-dialog";
import type { UnprovisionedKeyView } from "@/lib/server/db/queries/unprovisioned";
import { useSeenDevices } from "./use-seen-devices";

const FIRST = 5;

/** Admins: keys that published before anyone provisioned them, each a click from being added. Hidden when there are none. */
export function SeenPanel({ context }: { context: ProvisioningContext }) {
  const { data } = useSeenDevices();
  const [all, setAll] = useState(false);
  const [chosen, setChosen] = useState<UnprovisionedKeyView | null>(null);
  if (!data || data.total === 0) return null;
  const shown = all ? data.items : data.items.slice(0, FIRST);
  return (
    <Card data-testid="seen-panel">
      <CardHeader
        title={`Seen but not provisioned (${data.total})`}
        actions={<span className="text-xs text-muted max-sm:hidden">Their messages wait in quarantine</span>}
      />
      <ul className="divide-y divide-border">
        {shown.map((k) => (
          <li key={k.key} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-2.5">
            <div className="min-w-0">
              <p className="font-mono text-xs [overflow-wrap:anywhere]">{k.key}</p>
              <p className="text-xs text-muted">
                {k.messages.toLocaleString()} {k.messages === 1 ? "message" : "messages"} · first{" "}
                <RelativeTime value={k.firstSeenAt} /> · last <RelativeTime value={k.lastSeenAt} />
              </p>
            </div>
            <Button
              className="px-2.5 py-1.5 text-xs"
              onClick={() => setChosen(k)}
              aria-label={`Provision ${k.key}`}
            >
              Provision…
            </Button>
          </li>
        ))}
      </ul>
      {data.items.length > FIRST && (
        <div className="border-t border-border px-4 py-2">
          <Button variant="ghost" className="px-2 py-1 text-xs" onClick={() => setAll(!all)}>
            {all
              ? "Show fewer"
              : `Show all ${data.items.length}${data.total > data.items.length ? ` of ${data.total}` : ""}`}
          </Button>
        </div>
      )}
      {chosen && <ProvisionSeenDialog seen={chosen} context={context} onClose={() => setChosen(null)} />}
    </Card>
  );
}
