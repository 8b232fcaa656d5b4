import { STANDARD_SCHEDULE_MS } from "./schedule";

export interface DeliveryOptions {
  /** Waits before each attempt (the first is usually 0); tests pass a compressed one. */
  schedule: readonly number[];
  timeoutMs: number;
  allowPrivate: boolean;
  /** The longest Retry-After we honour. */
  maxRetryAfterMs: number;
  /** Circuit breaker: pause an endpoint after this many failed attempts in a row spanning at least `breakerAfterMs`. */
  breakerFailures: number;
  breakerAfterMs: number;
  /** A claimed delivery is invisible to other workers this long (longer than a send can take). */
  leaseMs: number;
  pollMs: number;
  batchSize: number;
}

export const DEFAULT_DELIVERY_OPTIONS: DeliveryOptions = {
  schedule: STANDARD_SCHEDULE_MS,
  timeoutMs: 15_000,
  allowPrivate: false,
  maxRetryAfterMs: 10 * 3_600_000,
  breakerFailures: 5,
  breakerAfterMs: 3_600_000,
  leaseMs: 60_000,
  pollMs: 1_000,
  batchSize: 20,
};

export const deliveryOptions = (o: Partial<DeliveryOptions> = {}): DeliveryOptions => ({
  ...DEFAULT_DELIVERY_OPTIONS,
  ...o,
});
