import { audit } from "@/lib/server/audit";
import { clientAddress } from "@/lib/server/auth/origin";
import { can } from "@/lib/server/auth/permissions";
import { authenticate } from "@/lib/server/auth/principal";
import { commandRequest } from "@/lib/domain/commands/body";
import { getCommandClient } from "@/lib/server/commands/publisher";
import { sendCommand } from "@/lib/server/commands/send";
import { toCommandListView, toSentCommandView } from "@/lib/server/commands/view";
import { getDb } from "@/lib/server/db/client";
import { listCommands } from "@/lib/server/db/queries/commands";
import { requireVisibleDevice } from "@/lib/server/http/device-access";
import { ApiError, forbidden } from "@/lib/server/http/errors";
import { readJsonBody } from "@/lib/server/http/body";
import { route } from "@/lib/server/http/route";

export const dynamic = "force-dynamic";

/**
 * The device's last 50 commands, newest first, and whether the caller may send one (the page
 * shows the send form by it).
 */
export const GET = route<{ key: string }>(async (req, { key }) => {
  const viewer = await authenticate(req);
  const { sql } = getDb();
  const device = await requireVisibleDevice(sql, viewer, key);
  const items = await listCommands(sql, device.id);
  const canSend =
    viewer.canWrite && can(viewer, "command.send", device.siteId) && !device.disabled && !device.archivedAt;
  return Response.json(toCommandListView(items, canSend));
});

/** Sends `{"command": {…}}` to the device: 201 `{id, status: "sent", sentAt}`, 503 when the broker doesn't take it. */
export const POST = route<{ key: string }>(async (req, { key }) => {
  const viewer = await authenticate(req, { write: true });
  const { sql } = getDb();
  const device = await requireVisibleDevice(sql, viewer, key);
  if (!can(viewer, "command.send", device.siteId))
    throw forbidden("Only operators and admins of this site can send commands.");
  const { command } = commandRequest.parse(await readJsonBody(req));
  if (device.disabled || device.archivedAt)
    throw new ApiError(
      422,
      "device_disabled",
      `Device "${device.key}" is ${device.disabled ? "disabled" : "deleted"}; it can't receive commands.`,
    );
  const sent = await sendCommand(sql, getCommandClient(), { device, command, sentBy: viewer.id });
  await audit(sql, {
    action: "device.command",
    actor: viewer,
    target: { type: "device", id: device.key },
    siteId: device.siteId,
    ip: clientAddress(req.headers),
    details: {
      commandId: sent.id,
      command,
      status: sent.status,
      ...(sent.error ? { error: sent.error } : {}),
    },
  });
  if (sent.status === "failed")
    throw new ApiError(
      503,
      "broker_unavailable",
      `${sent.error}. The command is marked failed; try again in a moment.`,
    );
  return Response.json(toSentCommandView(sent), { status: 201 });
});
