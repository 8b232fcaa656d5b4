/**
 * Events per second over the last complete seconds (up to `windowS - 1` of them), counted in
 * one-second slots. Null until a whole second has passed since `startedAt`: it can't know yet.
 */
export class RateMeter {
  private readonly slots: [second: number, count: number][] = [];

  constructor(
    private readonly startedAt: number,
    private readonly windowS = 10,
  ) {}

  count(n: number, now = Date.now()): void {
    if (n === 0) return;
    const second = Math.floor(now / 1000);
    const last = this.slots.at(-1);
    if (last && last[0] === second) last[1] += n;
    else this.slots.push([second, n]);
    while (this.slots.length > 0 && this.slots[0]![0] <= second - this.windowS) this.slots.shift();
  }

  perSecond(now = Date.now()): number | null {
    const second = Math.floor(now / 1000);
    const seconds = Math.min(this.windowS - 1, second - Math.floor(this.startedAt / 1000) - 1);
    if (seconds < 1) return null;
    const counted = this.slots
      .filter(([s]) => s >= second - seconds && s < second)
      .reduce((sum, [, n]) => sum + n, 0);
    return counted / seconds;
  }
}
