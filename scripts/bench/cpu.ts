import { readdirSync, readFileSync } from "node:fs";

/** CPU seconds used so far, by process group: what each part of the pipeline costs. */
export type CpuSnapshot = Map<string, number>;

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/**
 * Sums user + system time of every live process into groups: `pids` names some (the worker,
 * this process), the rest go by command name (postgres, mosquitto). Linux only (/proc).
 */
export function cpuSnapshot(pids: Record<string, number | undefined>): CpuSnapshot {
  const byPid = new Map(
    Object.entries(pids)
      .filter(([, pid]) => pid)
      .map(([name, pid]) => [String(pid), name]),
  );
  const totals: CpuSnapshot = new Map();
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue; // gone meanwhile
    }
    const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
    const group = byPid.get(pid) ?? (comm === "postgres" || comm === "mosquitto" ? comm : undefined);
    if (!group) continue;
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime
    totals.set(group, (totals.get(group) ?? 0) + ticks / TICKS_PER_SECOND);
  }
  return totals;
}

/** CPU microseconds per message each group spent between two snapshots. */
export function cpuPerMessage(
  before: CpuSnapshot,
  after: CpuSnapshot,
  messages: number,
): Record<string, number> {
  const result: Record<string, number> = {};
  for (const [group, seconds] of after)
    result[group] = Math.round(((seconds - (before.get(group) ?? 0)) * 1e6) / messages);
  return result;
}
