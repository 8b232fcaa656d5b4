import { availableParallelism } from "node:os";
import { mark, printTable, round } from "./stats";

interface Results {
  broker: string;
  messages: number;
  brokerRate: number;
  /** CPU µs per message by process during (b) and (a). */
  brokerCpu: Record<string, number>;
  /** Saturated run: rate and latencies; `steady`: latencies at half that rate. */
  e2e: {
    rate: number;
    p50: number;
    p99: number;
    steady: { rate: number; p50: number; p99: number };
    rssMb: number;
    rows: number;
    cpu: Record<string, number>;
  };
  naiveRate: number;
}

const TARGETS = { ratioBroker: 0.7, ratioNaive: 20, p99Ms: 250, rssMb: 250 };

/** A readable table on stdout, then the JSON summary as the very last line (docs/operations.md, "Benchmarks"). */
export function printReport({ broker, messages, brokerRate, brokerCpu, e2e, naiveRate }: Results): void {
  const cores = availableParallelism();
  const total = (cpu: Record<string, number>) => Object.values(cpu).reduce((a, b) => a + b, 0);
  const pg = e2e.cpu.postgres ?? 0;
  // The most (a) could reach on these cores if the worker cost no more than a subscriber that
  // only counts: what the broker, publishers and PostgreSQL use per message is paid anyway.
  const ceilingRate =
    (cores * 1e6) / ((e2e.cpu.mosquitto ?? 0) + (e2e.cpu.publishers ?? 0) + pg + (brokerCpu.subscriber ?? 0));
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
    cpu_us_per_msg_b: brokerCpu,
    cpu_us_per_msg_a: e2e.cpu,
    ratio_broker_ceiling: round(ceilingRate / brokerRate, 2),
    ratio_broker_over_naive: round(brokerRate / naiveRate, 1),
  };
  const describe = (cpu: Record<string, number>, rate: number) =>
    `${Object.entries(cpu)
      .map(([k, v]) => `${k} ${v}`)
      .join(" · ")}; cores ${Math.round((total(cpu) * rate) / 1e4 / cores)} % busy`;
  const rows: [string, string, string][] = [
    [
      "(a) Fieldwatch end to end",
      `${summary.e2e_msgs_per_s} msg/s`,
      `${e2e.rows} rows for ${messages} messages`,
    ],
    ["(b) broker pass-through", `${summary.broker_msgs_per_s} msg/s`, broker],
    ["(c) naive worker", `${summary.naive_msgs_per_s} msg/s`, "one INSERT per message"],
    [
      "a / b",
      String(summary.ratio_broker),
      `target ≥ ${TARGETS.ratioBroker}: ${mark(summary.ratio_broker >= TARGETS.ratioBroker)}`,
    ],
    [
      "a / c",
      String(summary.ratio_naive),
      `target ≥ ${TARGETS.ratioNaive}: ${mark(summary.ratio_naive >= TARGETS.ratioNaive)}`,
    ],
    [
      "publish → commit p50",
      `${summary.p50_ms} ms`,
      `at a steady ${summary.steady_msgs_per_s} msg/s (half of a)`,
    ],
    [
      "publish → commit p99",
      `${summary.p99_ms} ms`,
      `target ≤ ${TARGETS.p99Ms}: ${mark(summary.p99_ms <= TARGETS.p99Ms)}`,
    ],
    [
      "p50 / p99 saturated",
      `${summary.p50_saturated_ms} / ${summary.p99_saturated_ms} ms`,
      "during (a): mostly time queued in the broker",
    ],
    ["CPU µs per message (b)", String(total(brokerCpu)), describe(brokerCpu, brokerRate)],
    ["CPU µs per message (a)", String(total(e2e.cpu)), describe(e2e.cpu, e2e.rate)],
    [
      "a / b ceiling",
      String(summary.ratio_broker_ceiling),
      `on ${cores} cores, were the worker as cheap as the counting subscriber`,
    ],
    [
      "b / c",
      String(summary.ratio_broker_over_naive),
      "a can't pass b (every message crosses the broker): a / c ≤ b / c",
    ],
    [
      "worker peak RSS",
      `${summary.worker_rss_mb} MB`,
      `target ≤ ${TARGETS.rssMb}: ${mark(summary.worker_rss_mb <= TARGETS.rssMb)}`,
    ],
  ];
  printTable(rows, summary);
}
