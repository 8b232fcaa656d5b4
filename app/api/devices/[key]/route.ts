import { authenticate } from "@/lib/auth/principal";
import { requireVisibleDevice } from "@/lib/http/device-access";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route<{ key: string }>(async (req, { key }) => {
  const device = await requireVisibleDevice(await authenticate(req), key);
  const { id: _id, ...publicFields } = device;
  return Response.json(publicFields);
});
