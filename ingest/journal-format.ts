import { crc32 } from "node:zlib";

/** One journaled MQTT message. */
export interface JournalRecord {
  /** A UUID, given when the message is first journaled; quarantine rows are unique on it. */
  messageId: string;
  topic: string;
  payload: Buffer;
  receivedAt: number;
}

const HEADER = 8; // u32 body length, u32 crc32(body)

const FIXED = 2 + 8 + 16; // topic length, receivedAt, message id

/** body = u16 topic length, topic, f64 receivedAt, 16-byte message id, payload. */
export function encodeRecord({ messageId, topic, payload, receivedAt }: JournalRecord): Buffer {
  const topicLength = Buffer.byteLength(topic, "utf8");
  const bodyLength = FIXED + topicLength + payload.length;
  // One allocation per record: this runs for every message, before it is acknowledged.
  const record = Buffer.allocUnsafe(HEADER + bodyLength);
  const body = record.subarray(HEADER);
  body.writeUInt16LE(topicLength, 0);
  body.write(topic, 2, topicLength, "utf8");
  body.writeDoubleLE(receivedAt, 2 + topicLength);
  body.write(messageId.replaceAll("-", ""), 10 + topicLength, 16, "hex");
  body.set(payload, FIXED + topicLength);
  record.writeUInt32LE(bodyLength, 0);
  record.writeUInt32LE(crc32(body), 4);
  return record;
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
    if (crc32(body) !== data.readUInt32LE(offset + 4) || body.length < FIXED)
      return { records, intact: false };
    const topicLength = body.readUInt16LE(0);
    records.push({
      messageId: formatUuid(body.subarray(10 + topicLength, FIXED + topicLength)),
      topic: body.subarray(2, 2 + topicLength).toString("utf8"),
      receivedAt: body.readDoubleLE(2 + topicLength),
      payload: Buffer.from(body.subarray(FIXED + topicLength)),
    });
    offset = end;
  }
  return { records, intact: offset === data.length };
}

function formatUuid(bytes: Buffer): string {
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
