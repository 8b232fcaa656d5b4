"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { errorMessage } from "../api/fetch-json";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { Skeleton } from "../ui/skeleton";
import { sentenceContext } from "./metric-names";
import { RuleEditor } from "./rule-editor";
import { RuleItem } from "./rule-item";
import { webhookNames } from "./notify-part";
import { useDeviceTypes, useSiteDevices, useSites, useWebhooks } from "./use-alert-options";
import { useRules } from "./use-rules";
import type { AlertingRights, AlertRuleView } from "./types";

type Editing = { rule: AlertRuleView | null; prefill: { device?: string; site?: string; metric?: string } };

/**
 * The rules as sentences, with on/off, edit and delete for operators. `?new=1&device=…` (the device
 * page's "+ Alert rule") opens the editor at once, prefilled.
 */
export function RulesView({ rights }: { rights: AlertingRights }) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const rules = useRules();
  const types = useDeviceTypes();
  const sites = useSites();
  const devices = useSiteDevices("");
  const hooks = useWebhooks().data ?? [];
  const canEditAny = rights.ruleSites.length > 0;
  const [editing, setEditing] = useState<Editing | null>(() =>
    canEditAny && params.get("new")
      ? {
          rule: null,
          prefill: {
            device: params.get("device") ?? undefined,
            site: params.get("site") ?? undefined,
            metric: params.get("metric") ?? undefined,
          },
        }
      : null,
  );
  const close = () => {
    setEditing(null);
    if (params.get("new")) router.replace(pathname, { scroll: false });
  };
  const deviceOf = (key: string | undefined) => (key ? devices.data?.find((d) => d.key === key) : undefined);
  // A device rule names no site: the device's, when it is among the loaded ones (the API decides anyway).
  const siteOf = (r: AlertRuleView) => r.site ?? deviceOf(r.device)?.site.slug;
  const canEdit = (r: AlertRuleView) => {
    const site = siteOf(r);
    return site ? rights.ruleSites.some((s) => s.slug === site) : canEditAny;
  };

  let body;
  if (rules.isPending)
    body = (
      <div role="status" aria-label="Loading rules" className="space-y-3 p-4">
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} className="h-12" />
        ))}
      </div>
    );
  else if (rules.isError)
    body = (
      <p role="alert" className="px-6 py-12 text-center text-danger">
        Couldn&apos;t load the rules: {errorMessage(rules.error)}
      </p>
    );
  else if (rules.data.length === 0)
    body = <NoRules canEdit={canEditAny} onAdd={() => setEditing({ rule: null, prefill: {} })} />;
  else
    body = (
      <ul className="divide-y divide-border">
        {rules.data.map((r) => (
          <RuleItem
            key={r.id}
            rule={r}
            ctx={{
              ...sentenceContext(
                { ...r, type: r.type ?? deviceOf(r.device)?.type?.slug },
                types.data,
                sites.data,
              ),
              deviceName: deviceOf(r.device)?.name,
              webhookNames: webhookNames(r.webhooks, hooks),
            }}
            canEdit={canEdit(r)}
            onEdit={() => setEditing({ rule: r, prefill: {} })}
          />
        ))}
      </ul>
    );

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <Link href="/alerts" className="text-sm text-accent hover:underline">
            ← Alerts
          </Link>
          <h1 className="text-xl font-semibold tracking-tight">Alert rules</h1>
          <p className="text-muted">What raises an alert, on which devices, and when it clears.</p>
        </div>
        {canEditAny && (
          <Button
            variant="primary"
            className="min-h-11"
            onClick={() => setEditing({ rule: null, prefill: {} })}
          >
            + New rule
          </Button>
        )}
      </div>
      <Card className="overflow-hidden">{body}</Card>
      {editing && (
        <RuleEditor rule={editing.rule} prefill={editing.prefill} sites={rights.ruleSites} onClose={close} />
      )}
    </div>
  );
}

function NoRules({ canEdit, onAdd }: { canEdit: boolean; onAdd: () => void }) {
  return (
    <div className="px-6 py-16 text-center">
      <p className="font-medium">No alert rules yet</p>
      <p className="mx-auto mt-1 max-w-md text-muted">
        A rule watches a metric — “soil moisture below 20 % for 10 minutes” — or a silence, and raises an
        alert when it holds.
      </p>
      {canEdit && (
        <Button className="mt-4" onClick={onAdd}>
          Write the first rule
        </Button>
      )}
    </div>
  );
}
