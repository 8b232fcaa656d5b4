import { route } from "@/lib/server/http/route";
import { handleMqttAuthRequest } from "@/lib/server/mqtt-auth/http-handler";
import { mqttHttpDeps } from "@/lib/server/mqtt-auth/web-deps";

export const dynamic = "force-dynamic";

/** An external broker asks whether a CONNECT may log in (EMQX HTTP authn, mosquitto-go-auth getuser). No user session: the shared secret guards it. */
export const POST = route(async (req) => handleMqttAuthRequest(req, mqttHttpDeps()));
