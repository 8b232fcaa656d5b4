import { audit } from "@/lib/server/audit";
import { clientAddress } from "@/lib/server/auth/origin";
import { authenticate } from "@/lib/server/auth/principal";
import { getDb } from "@/lib/server/db/client";
import { replaceToken } from "@/lib/server/db/queries/device-admin";
import { generateDeviceToken } from "@/lib/domain/devices/credentials";
import { deviceCredentials } from "@/lib/server/http/device-credentials";
import { ApiError } from "@/lib/server/http/errors";
import { requireManageableDevice } from "@/lib/server/http/manageable-device";
import { route } from "@/lib/server/http/route";

export const dynamic = "force-dynamic";

/** A new token for the device; the old one stops working (within the broker's few-second cache). */
export const POST = route<{ key: string }>(async (req, { key }) => {
  const viewer = await authenticate(req, { write: true });
  const { sql } = getDb();
  const device = await requireManageableDevice(sql, viewer, key);
  if (device.archivedAt)
    throw new ApiError(409, "archived", `Device "${key}" was deleted; it gets no new token.`);
  const { token, hash } = generateDeviceToken();
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
