import { createServer } from "node:http";
import next from "next";
import { loadEnv } from "../lib/server/env";
import { CLIENT_ADDRESS_HEADER, clientAddressOf, trustProxy } from "../lib/server/http/client-address";

/**
 * The built web app behind a plain Node HTTP server, instead of `next start`: Next.js hands route
 * handlers no socket, and passes a client's own X-Forwarded-For on as if a proxy wrote it. Here
 * the caller's address is taken from the socket (or the TRUST_PROXY hops) and written into a
 * header of our own before Next.js sees the request; the sign-in throttle reads that.
 */
const env = loadEnv();
const trust = trustProxy(env.TRUST_PROXY);
const app = next({ dev: false, dir: process.cwd(), port: env.PORT });
const handle = app.getRequestHandler();

await app.prepare();
createServer((req, res) => {
  req.headers[CLIENT_ADDRESS_HEADER] = clientAddressOf(req, trust);
  void handle(req, res);
}).listen(env.PORT, () => console.log(`web server listening on port ${env.PORT}`));
