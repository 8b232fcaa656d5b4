import { clientAddress } from "@/lib/server/auth/origin";
import { canAnywhere, scopeFor } from "@/lib/server/auth/permissions";
import { authenticate } from "@/lib/server/auth/principal";
import { getDb } from "@/lib/server/db/client";
import { getDevice } from "@/lib/server/db/queries/devices";
import { newDeviceInput } from "@/lib/domain/devices/input";
import { provisionSeenDevice } from "@/lib/server/devices/provision-seen";
import { toProvisionedSeenView } from "@/lib/server/devices/view";
import { deviceCredentials } from "@/lib/server/http/device-credentials";
import { forbidden } from "@/lib/server/http/errors";
import { provisionError } from "@/lib/server/http/provision-error";
import { readJsonBody } from "@/lib/server/http/body";
import { route } from "@/lib/server/http/route";

export const dynamic = "force-dynamic";

/**
 * Provisions a key that has been publishing (body: name, site, type…; the key is the URL's), then
 * replays its quarantined unknown_device messages: `{device, credentials, replayed, rejected, remaining}`.
 */
export const POST = route<{ key: string }>(async (req, { key }) => {
  const viewer = await authenticate(req, { write: true });
  if (!canAnywhere(viewer, "device.manage")) throw forbidden("Only site admins add devices.");
  const body = await readJsonBody(req);
  const input = newDeviceInput.parse({ ...(typeof body === "object" && body ? body : {}), key });
  const { sql } = getDb();
  const result = await provisionSeenDevice(sql, viewer, input, clientAddress(req.headers));
  if (!result.ok) throw provisionError(result.errors);
  const device = await getDevice(sql, scopeFor(viewer, "device.read"), key);
  return Response.json(toProvisionedSeenView(device, deviceCredentials(req, key, result.token), result), {
    status: 201,
  });
});
