import { requireVisibleDevice } from "@/lib/http/device-access";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route<{ key: string }>(async (_req, { key }) => {
  const { device } = await requireVisibleDevice(key);
  const { id: _id, ...publicFields } = device;
  return Response.json(publicFields);
});
