import { route } from "@/lib/http/route";
import { handleMqttAclRequest } from "@/lib/mqtt-auth/http-handler";
import { mqttHttpDeps } from "@/lib/mqtt-auth/web-deps";

export const dynamic = "force-dynamic";

/** An external broker asks whether a client may publish or subscribe (EMQX HTTP authz, mosquitto-go-auth aclcheck). No user session: the shared secret guards it. */
export const POST = route(async (req) => handleMqttAclRequest(req, mqttHttpDeps()));
