import { crc32 } from "node:zlib";

/** One journaled MQTT message. */
export interface JournalRecord {
  topic: string;
  payload: Buffer;
  receivedAt: number;
}

const HEADER = 8; // u32 body length, u32 crc32(body)

/** body = u16 topic length, topic, f64 receivedAt, payload. */
export function encodeRecord({ topic, payload, receivedAt }: JournalRecord): Buffer {
  const topicBytes = Buffer.from(topic, "utf8");
  const body = Buffer.allocUnsafe(2 + topicBytes.length + 8 + payload.length);
  body.writeUInt16LE(topicBytes.length, 0);
  topicBytes.copy(body, 2);
  body.writeDoubleLE(receivedAt, 2 + topicBytes.length);
  payload.copy(body, 10 + topicBytes.length);
  const header = Buffer.allocUnsafe(HEADER);
  header.writeUInt32LE(body.length, 0);
  header.writeUInt32LE(crc32(body), 4);
  return Buffer.concat([header, body]);
}

/**
 * Records of a segment, in order. Stops at the first torn or corrupt record: a crash can only
 * tear the tail, and whatever follows a torn write was never acknowledged.
 */
export function decodeSegment(data: Buffer): { records: JournalRecord[]; intact: boolean } {
  const records: JournalRecord[] = [];
  let offset = 0;
  while (offset + HEADER <= data.length) {
    const length = data.readUInt32LE(offset);
    const end = offset + HEADER + length;
    if (end > data.length) return { records, intact: false };
    const body = data.subarray(offset + HEADER, end);
    if (crc32(body) !== data.readUInt32LE(offset + 4) || body.length < 10) return { records, intact: false };
    const topicLength = body.readUInt16LE(0);
    records.push({
      topic: body.subarray(2, 2 + topicLength).toString("utf8"),
      receivedAt: body.readDoubleLE(2 + topicLength),
      payload: Buffer.from(body.subarray(10 + topicLength)),
    });
    offset = end;
  }
  return { records, intact: offset === data.length };
}
