import { route } from "@/lib/server/http/route";
import { handleMqttAclRequest } from "@/lib/server/mqtt-auth/http-handler";
import { mqttHttpDeps } from "@/lib/server/mqtt-auth/web-deps";

export const dynamic = "force-dynamic";

/** An external broker asks whether a client may publish or subscribe (EMQX HTTP authz, mosquitto-go-auth aclcheck). No user session: the shared secret guards it. */
export const POST = route(async (req) => handleMqttAclRequest(req, mqttHttpDeps()));
