"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { queryKeys } from "../api/keys";
import type { LiveEvent, ReadingsEvent, StatusEvent } from "@/lib/domain/live/events";
import type { DeviceView } from "@/lib/server/db/queries/devices";
import { insertBucket, readingBucket, type Series } from "../charts/buckets";
import { applyReadings, applyStatus } from "./apply-event";
import { windowOfKey } from "./live-window";

export type LiveState = "connecting" | "live" | "reconnecting";

const MAX_BACKOFF_MS = 30_000;

/**
 * One EventSource for a device page. Each reading goes straight into the React Query caches
 * the cards and charts read, so it shows without a refetch. EventSource retries by itself
 * (resuming from Last-Event-ID); when it gives up (e.g. a 401 or 5xx) we reconnect with backoff.
 */
export function useLiveReadings(deviceKey: string): LiveState {
  const qc = useQueryClient();
  const [state, setState] = useState<LiveState>("connecting");

  useEffect(() => {
    let source: EventSource | undefined;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let attempts = 0;
    let lastEventId = "";
    let everOpened = false;

    const onReadings = (e: ReadingsEvent) => {
      for (const { metric, ts, value } of e.readings) {
        // Every live window of this metric (the chart's and the card's sparkline) takes the reading.
        for (const query of qc
          .getQueryCache()
          .findAll({ queryKey: queryKeys.metricLiveReadings(deviceKey, metric) })) {
          const old = query.state.data as Series | undefined;
          qc.setQueryData<Series>(query.queryKey, {
            bucketMs: old?.bucketMs ?? 0,
            buckets: insertBucket(
              old?.buckets,
              readingBucket(ts, value),
              Date.now() - windowOfKey(query.queryKey),
            ),
          });
          // A chart that has not loaded its history yet must still fetch it, not trust these few readings.
          if (!old) void qc.invalidateQueries({ queryKey: query.queryKey, refetchType: "none" });
        }
      }
      qc.setQueryData<DeviceView>(queryKeys.device(deviceKey), (d) => d && applyReadings(d, e, Date.now()));
    };
    const onStatus = (e: StatusEvent) =>
      qc.setQueryData<DeviceView>(queryKeys.device(deviceKey), (d) => d && applyStatus(d, e));
    // A command sent, answered or failed: the history asks again (who sent it is not in the event).
    const onCommand = () => void qc.invalidateQueries({ queryKey: queryKeys.deviceCommands(deviceKey) });
    // An alert fired or resolved: the alert lists (this device's, the menu's count) ask again.
    const onAlert = () => void qc.invalidateQueries({ queryKey: queryKeys.alerts() });

    const handle =
      <T extends LiveEvent>(fn: (e: T) => void) =>
      (msg: MessageEvent<string>) => {
        if (msg.lastEventId) lastEventId = msg.lastEventId;
        try {
          const event = JSON.parse(msg.data) as T;
          if (event.device === deviceKey) fn(event);
        } catch {
          // a malformed event is skipped, the stream goes on
        }
      };

    const connect = () => {
      const qs = new URLSearchParams({ devices: deviceKey });
      if (lastEventId) qs.set("lastEventId", lastEventId);
      const es = new EventSource(`/api/stream?${qs}`);
      source = es;
      // A device's readings of one commit (or of several, paced: lib/server/live/coalesce.ts).
      es.addEventListener("readings", handle(onReadings));
      es.addEventListener("status", handle(onStatus));
      es.addEventListener("command", handle(onCommand));
      es.addEventListener("alert", handle(onAlert));
      es.onopen = () => {
        attempts = 0;
        setState("live");
        // What the page loaded may predate the stream (a reading or status change committed while
        // it opened), and after an outage the replay buffer may not reach back far enough: once the
        // stream is open, load the device and its live windows again; events cover the rest.
        void qc.invalidateQueries({ queryKey: queryKeys.deviceLiveReadings(deviceKey) });
        void qc.invalidateQueries({ queryKey: queryKeys.device(deviceKey) });
        if (everOpened) void qc.invalidateQueries({ queryKey: queryKeys.deviceCommands(deviceKey) });
        everOpened = true;
      };
      es.onerror = () => {
        setState("reconnecting");
        if (es.readyState !== EventSource.CLOSED) return;
        const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** attempts++) * (0.75 + Math.random() / 2);
        retryTimer = setTimeout(connect, delay);
      };
    };

    connect();
    return () => {
      clearTimeout(retryTimer);
      source?.close();
    };
  }, [deviceKey, qc]);

  return state;
}
