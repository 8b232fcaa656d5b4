/** The value at fraction `p` of an ascending list (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

export const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

export const mark = (ok: boolean) => (ok ? "ok" : "MISSED");

/** A readable table on stdout, then the JSON summary as the very last line (docs/operations.md, "Benchmarks"). */
export function printTable(rows: [name: string, value: string, note: string][], summary: object): void {
  const width = (i: 0 | 1) => Math.max(...rows.map((r) => r[i].length));
  for (const [name, value, note] of rows)
    console.log(`${name.padEnd(width(0))}  ${value.padStart(width(1))}  ${note}`);
  console.log(JSON.stringify(summary));
}
