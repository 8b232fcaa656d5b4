"use client";

import { CopyBlock, CopyField } from "../ui/copy-field";
import { Notice } from "../ui/notice";
import { mosquittoPubLine, mqttJsSnippet } from "./snippets";
import type { DeviceCredentialsView } from "@/lib/server/http/device-credentials";

/** A device's credentials, shown once, with what to paste into a terminal or a program. */
export function CredentialsPanel({ credentials }: { credentials: DeviceCredentialsView }) {
  return (
    <div className="space-y-3" data-testid="device-credentials">
      <Notice tone="info">
        This token is shown only now. Copy it to the device; Fieldwatch keeps only a hash of it.
      </Notice>
      <div className="grid gap-3 sm:grid-cols-2">
        <CopyField
          label="Username (the device key)"
          value={credentials.username}
          testId="credential-username"
        />
        <CopyField label="Broker" value={credentials.broker.url} testId="credential-broker" />
      </div>
      <CopyField label="Password (token)" value={credentials.password} testId="credential-password" />
      <CopyBlock
        label="Try it: mosquitto_pub"
        value={mosquittoPubLine(credentials)}
        testId="snippet-mosquitto"
      />
      <CopyBlock label="mqtt.js" value={mqttJsSnippet(credentials)} testId="snippet-mqttjs" />
      <p className="text-xs text-muted">
        Telemetry goes to <code className="font-mono">{credentials.topics.telemetry}</code>, status (and the
        Last Will) to <code className="font-mono">{credentials.topics.status}</code>; commands arrive on{" "}
        <code className="font-mono">{credentials.topics.commands}</code>.
      </p>
    </div>
  );
}
