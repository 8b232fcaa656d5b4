import type { DeviceScope, RuleSet } from "../../domain/alerts/rule-set";
import { readingsEvents } from "../../domain/live/events";
import type { DeviceReading } from "../../domain/telemetry/types";
import { evaluateAlertsIn } from "../alerts/evaluate-batch";
import type { Sql, Tx } from "../db/connect";
import {
  insertQuarantine,
  insertReadings,
  resolveSeries,
  type QuarantineItem,
  type SeriesCache,
} from "../db/queries/batch-writes";
import { acknowledgeCommands, type CommandAck } from "../db/queries/commands";
import { updateConnectivity, updateLastSeen, type ConnectivitySignal } from "../db/queries/connectivity";
import { notifyLive } from "../live/channel";

export interface BatchInput {
  readings: DeviceReading[];
  quarantine: QuarantineItem[];
  /** device id → newest receive time in this batch, for last_seen. */
  seen: Map<string, number>;
  /** device id → its newest connectivity signal in this batch. */
  connectivity: Map<string, ConnectivitySignal>;
  /** Devices' answers to commands: rare, so they ride the batch (journal, retries, NOTIFY on commit). */
  commandAcks?: CommandAck[];
  /** The ingest worker's alert rules and where this batch's devices sit (absent: no evaluation, e.g. a replay). */
  alerts?: { rules: RuleSet; scopes: Map<string, DeviceScope> };
}

export interface BatchResult {
  inserted: number;
  duplicates: number;
}

/**
 * Writes one batch in one transaction: series, readings (idempotent), latest values (forward
 * in device time only), last seen, quarantine, connectivity, command answers; then NOTIFY of what changed.
 * The ingest worker commits every batch here; a quarantine replay goes through writeBatchIn.
 */
export async function writeBatch(
  sql: Sql,
  input: BatchInput,
  seriesCache: SeriesCache,
): Promise<BatchResult> {
  return sql.begin((tx) => writeBatchIn(tx, input, seriesCache)) as Promise<BatchResult>;
}

/** writeBatch inside a transaction the caller owns (a replay marks its quarantine row in the same one). */
export async function writeBatchIn(
  tx: Tx,
  input: BatchInput,
  seriesCache: SeriesCache,
): Promise<BatchResult> {
  const seriesIds = await resolveSeries(tx, input.readings, seriesCache);
  const { inserted, current } = await insertReadings(tx, input.readings, seriesIds);
  // On the rows just stored, in the same transaction: redeliveries (not inserted) and late
  // readings (older than their series' latest) change no alert.
  const alertEvents = input.alerts
    ? await evaluateAlertsIn(tx, input.alerts.rules, input.alerts.scopes, current)
    : [];
  await updateLastSeen(tx, input.seen);
  await insertQuarantine(tx, input.quarantine);
  const statusEvents = await updateConnectivity(tx, input.connectivity);
  const commandEvents = await acknowledgeCommands(tx, input.commandAcks ?? []);
  await notifyLive(tx, [...readingsEvents(inserted), ...statusEvents, ...commandEvents, ...alertEvents]);
  return { inserted: inserted.length, duplicates: input.readings.length - inserted.length };
}
