import net from "node:net";

export class PortInUseError extends Error {
  constructor(
    public readonly port: number,
    public readonly what: string,
    hint: string,
  ) {
    super(`Port ${port} (${what}) is already in use. ${hint}`);
    this.name = "PortInUseError";
  }
}

/** Resolves true when nothing listens on host:port, by trying to bind it. */
export function isPortFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** A port the OS says is free right now. */
export function freePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen({ port: 0, host }, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function assertPortFree(port: number, what: string, hint: string): Promise<void> {
  // Check both loopback and all interfaces: a service bound to either would clash with ours.
  if (!(await isPortFree(port, "127.0.0.1")) || !(await isPortFree(port, "0.0.0.0"))) {
    throw new PortInUseError(port, what, hint);
  }
}
