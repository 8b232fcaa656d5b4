"use client";

import { errorMessage } from "../api/fetch-json";
import { Card, CardHeader } from "../ui/card";
import { Notice } from "../ui/notice";
import { Skeleton } from "../ui/skeleton";
import { CommandHistory } from "./command-history";
import { SendCommandForm } from "./send-command-form";
import { useCommands } from "./use-commands";

/**
 * Commands on the device page: the send form for those who may send (operators and admins of
 * the device's site), and the history for everyone who sees the device.
 */
export function DeviceCommands({
  deviceKey,
  typeSlug,
  disabled,
}: {
  deviceKey: string;
  typeSlug: string | null;
  disabled: boolean;
}) {
  const commands = useCommands(deviceKey);
  return (
    <section aria-label="Commands">
      <Card>
        <CardHeader title="Commands" />
        {commands.data?.canSend && (
          <div className="border-b border-border">
            <SendCommandForm deviceKey={deviceKey} typeSlug={typeSlug} />
          </div>
        )}
        {disabled && (
          <p className="border-b border-border px-4 py-3 text-sm text-muted">
            This device is disabled: it can&apos;t receive commands.
          </p>
        )}
        {commands.isPending ? (
          <div className="space-y-2 px-4 py-4">
            <Skeleton className="h-5 w-1/3" />
            <Skeleton className="h-7 w-full" />
          </div>
        ) : commands.isError ? (
          <Notice className="m-4">{errorMessage(commands.error)}</Notice>
        ) : (
          <CommandHistory items={commands.data.items} />
        )}
      </Card>
    </section>
  );
}
