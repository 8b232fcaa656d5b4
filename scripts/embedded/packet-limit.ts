import type { Socket } from "node:net";

/**
 * A check of MQTT packet sizes as bytes come in: true while every packet (fixed header, length
 * and body, MQTT 3.1.1 §2.2) fits in `maxBytes`, false once one doesn't. It reads only the fixed
 * headers, so a packet is refused from its first bytes, before its body is buffered anywhere.
 */
export function packetSizeCheck(maxBytes: number): (chunk: Uint8Array) => boolean {
  let state: "header" | "length" = "header";
  let lengthBytes = 0;
  let remaining = 0;
  let multiplier = 1;
  // Body bytes of the current packet still to pass.
  let skip = 0;
  return (chunk) => {
    let i = 0;
    while (i < chunk.length) {
      if (skip > 0) {
        const n = Math.min(skip, chunk.length - i);
        skip -= n;
        i += n;
      } else if (state === "header") {
        state = "length";
        lengthBytes = 0;
        remaining = 0;
        multiplier = 1;
        i++;
      } else {
        const byte = chunk[i++]!;
        remaining += (byte & 0x7f) * multiplier;
        multiplier *= 128;
        lengthBytes++;
        if (byte & 0x80) {
          // A fifth length byte is malformed (§2.2.3): no packet that long is allowed anyway.
          if (lengthBytes === 4) return false;
          continue;
        }
        if (1 + lengthBytes + remaining > maxBytes) return false;
        skip = remaining;
        state = "header";
      }
    }
    return true;
  };
}

/**
 * Closes `socket` as soon as a packet larger than `maxBytes` starts on it. aedes reads a socket
 * with `read()` on "readable", so the check sits there and sees every byte before the parser,
 * which would otherwise buffer a packet of any announced length (up to 256 MiB).
 */
export function limitPacketSize(socket: Socket, maxBytes: number, onTooLarge: () => void): void {
  const fits = packetSizeCheck(maxBytes);
  const read = socket.read.bind(socket);
  socket.read = (size?: number) => {
    const chunk: unknown = read(size);
    if (chunk instanceof Uint8Array && !fits(chunk)) {
      onTooLarge();
      socket.destroy();
      return null;
    }
    return chunk;
  };
}
