/** Counts open live streams per user, so one user's runaway script can't exhaust a web process. */
export class StreamLimit {
  private readonly open = new Map<string, number>();

  constructor(readonly maxPerUser: number) {}

  /** A release function for a new stream, or null when the user is at the limit. */
  tryOpen(userId: string): (() => void) | null {
    const count = this.open.get(userId) ?? 0;
    if (count >= this.maxPerUser) return null;
    this.open.set(userId, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open.get(userId) ?? 1) - 1;
      if (left > 0) this.open.set(userId, left);
      else this.open.delete(userId);
    };
  }

  /** Open streams across all users. */
  get total(): number {
    let sum = 0;
    for (const n of this.open.values()) sum += n;
    return sum;
  }
}

const holder = globalThis as unknown as { fieldwatchStreamLimit?: StreamLimit };

export function getStreamLimit(maxPerUser: number): StreamLimit {
  holder.fieldwatchStreamLimit ??= new StreamLimit(maxPerUser);
  return holder.fieldwatchStreamLimit;
}
