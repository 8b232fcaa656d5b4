export type ValueResult = { ok: true; value: number } | { ok: false; detail: string };

/** docs/mqtt.md: finite numbers; booleans become 0/1; numeric strings are parsed; anything else is rejected. */
export function toNumericValue(input: unknown): ValueResult {
  if (typeof input === "number") {
    return Number.isFinite(input)
      ? { ok: true, value: input }
      : { ok: false, detail: `${input} is not a finite number` };
  }
  if (typeof input === "boolean") return { ok: true, value: input ? 1 : 0 };
  if (typeof input === "string") {
    const text = input.trim();
    if (text === "true" || text === "false") return { ok: true, value: text === "true" ? 1 : 0 };
    const n = text === "" ? NaN : Number(text);
    return Number.isFinite(n)
      ? { ok: true, value: n }
      : { ok: false, detail: `"${text.slice(0, 40)}" is not a number` };
  }
  return { ok: false, detail: `${input === null ? "null" : typeof input} is not a number` };
}
