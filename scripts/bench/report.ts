import { mark, printTable, round } from "./stats";

interface Results {
  broker: string;
  messages: number;
  brokerRate: number;
  /** Saturated run: rate and latencies; `steady`: latencies at half that rate. */
  e2e: { rate: number; p50: number; p99: number; steady: { rate: number; p50: number; p99: number }; rssMb: number; rows: number };
  naiveRate: number;
}

const TARGETS = { ratioBroker: 0.7, ratioNaive: 20, p99Ms: 250, rssMb: 250 };

/** A readable table on stdout, then the JSON summary as the very last line (DESIGN §7). */
export function printReport({ broker, messages, brokerRate, e2e, naiveRate }: Results): void {
  const summary = {
    e2e_msgs_per_s: Math.round(e2e.rate),
    broker_msgs_per_s: Math.round(brokerRate),
    naive_msgs_per_s: Math.round(naiveRate),
    ratio_broker: round(e2e.rate / brokerRate, 2),
    ratio_naive: round(e2e.rate / naiveRate, 1),
    p50_ms: Math.round(e2e.steady.p50),
    p99_ms: Math.round(e2e.steady.p99),
    steady_msgs_per_s: Math.round(e2e.steady.rate),
    p50_saturated_ms: Math.round(e2e.p50),
    p99_saturated_ms: Math.round(e2e.p99),
    worker_rss_mb: Math.round(e2e.rssMb),
  };
  const rows: [string, string, string][] = [
    ["(a) Fieldwatch end to end", `${summary.e2e_msgs_per_s} msg/s`, `${e2e.rows} rows for ${messages} messages`],
    ["(b) broker pass-through", `${summary.broker_msgs_per_s} msg/s`, broker],
    ["(c) naive worker", `${summary.naive_msgs_per_s} msg/s`, "one INSERT per message"],
    ["a / b", String(summary.ratio_broker), `target ≥ ${TARGETS.ratioBroker}: ${mark(summary.ratio_broker >= TARGETS.ratioBroker)}`],
    ["a / c", String(summary.ratio_naive), `target ≥ ${TARGETS.ratioNaive}: ${mark(summary.ratio_naive >= TARGETS.ratioNaive)}`],
    ["publish → commit p50", `${summary.p50_ms} ms`, `at a steady ${summary.steady_msgs_per_s} msg/s (half of a)`],
    ["publish → commit p99", `${summary.p99_ms} ms`, `target ≤ ${TARGETS.p99Ms}: ${mark(summary.p99_ms <= TARGETS.p99Ms)}`],
    ["p50 / p99 saturated", `${summary.p50_saturated_ms} / ${summary.p99_saturated_ms} ms`, "during (a): mostly time queued in the broker"],
    ["worker peak RSS", `${summary.worker_rss_mb} MB`, `target ≤ ${TARGETS.rssMb}: ${mark(summary.worker_rss_mb <= TARGETS.rssMb)}`],
  ];
  printTable(rows, summary);
}
