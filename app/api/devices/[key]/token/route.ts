import { audit } from "@/lib/audit";
import { clientAddress } from "@/lib/auth/origin";
import { authenticate } from "@/lib/auth/principal";
import { getDb } from "@/lib/db/client";
import { replaceToken } from "@/lib/db/queries/device-admin";
import { generateDeviceToken } from "@/lib/devices/credentials";
import { deviceCredentials } from "@/lib/http/device-credentials";
import { ApiError } from "@/lib/http/errors";
import { requireManageableDevice } from "@/lib/http/manageable-device";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** A new token for the device; the old one stops working (within the broker's few-second cache). */
export const POST = route<{ key: string }>(async (req, { key }) => {
  const viewer = await authenticate(req, { write: true });
  const device = await requireManageableDevice(viewer, key);
  if (device.archivedAt)
    throw new ApiError(409, "archived", `Device "${key}" was deleted; it gets no new token.`);
  const { token, hash } = generateDeviceToken();
  const { sql } = getDb();
  await replaceToken(sql, device.id, hash);
  await audit(sql, {
    action: "device.token.rotate",
    actor: viewer,
    target: { type: "device", id: key },
    siteId: device.siteId,
    ip: clientAddress(req.headers),
  });
  return Response.json({ credentials: deviceCredentials(req, key, token) });
});
