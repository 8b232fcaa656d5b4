import { PREVIEW_BYTES, type QuarantineRow } from "../db/queries/quarantine";

/** A quarantine row as the API sends it: the payload's head as text when it is UTF-8, else hex. */
export function toQuarantineItem({ payloadHead, ...row }: QuarantineRow) {
  const truncated = row.payloadBytes > PREVIEW_BYTES;
  const text = utf8(payloadHead, truncated);
  return {
    ...row,
    preview: text ?? payloadHead.toString("hex"),
    previewEncoding: text === null ? ("hex" as const) : ("utf8" as const),
    truncated,
  };
}

const decoder = new TextDecoder("utf-8", { fatal: true });

/** Strict UTF-8; a cut through a multi-byte character at the end of a truncated head is allowed. */
function utf8(bytes: Buffer, truncated: boolean): string | null {
  for (let trim = 0; trim <= (truncated ? 3 : 0); trim++) {
    try {
      return decoder.decode(bytes.subarray(0, bytes.length - trim));
    } catch {
      // try a shorter cut
    }
  }
  return null;
}
