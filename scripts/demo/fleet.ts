import type { MetricSpec } from "../../lib/domain/devices/types";
import { flowWhenOpen, scheduledOpen } from "./irrigation";

/**
 * The demo fleet (a farm, an office building, a factory) and a small value model that makes
 * its telemetry look like the real thing. Pure data and pure functions: no I/O, no clock.
 */

export interface DemoSite {
  slug: string;
  name: string;
  /** Start of the device keys at this site, e.g. `farm-soil`. */
  keyPrefix: string;
  typeSlug: string;
}

export interface DemoDeviceType {
  slug: string;
  name: string;
  metrics: MetricSpec[];
  inactivityTimeoutS: number;
}

/** How a device's firmware formats telemetry (docs/mqtt.md): most send nested JSON. */
export type PayloadStyle = "nested-json" | "thingsboard" | "metric-topics";

export interface DemoDevice {
  /** Position in the fleet; the value model uses it so devices differ from each other. */
  index: number;
  key: string;
  name: string;
  siteSlug: string;
  typeSlug: string;
  location: string;
  payloadStyle: PayloadStyle;
}

export const DEMO_SITES: readonly DemoSite[] = [
  { slug: "farm", name: "Greenacre Farm", keyPrefix: "farm-soil", typeSlug: "soil-sensor" },
  { slug: "building", name: "Harbour Office", keyPrefix: "bldg-room", typeSlug: "room-sensor" },
  { slug: "factory", name: "Northside Plant", keyPrefix: "fact-motor", typeSlug: "motor-monitor" },
];

// Devices report every second or so; two silent minutes means something is wrong.
const INACTIVITY_TIMEOUT_S = 120;

export const DEMO_DEVICE_TYPES: readonly DemoDeviceType[] = [
  {
    slug: "soil-sensor",
    name: "Soil sensor",
    inactivityTimeoutS: INACTIVITY_TIMEOUT_S,
    metrics: [
      { name: "soil.moisture", label: "Soil moisture", unit: "%", min: 0, max: 100, precision: 1, key: true },
      {
        name: "air.temperature",
        label: "Air temperature",
        unit: "°C",
        min: -40,
        max: 60,
        precision: 1,
        key: true,
      },
      { name: "humidity", label: "Humidity", unit: "%", min: 0, max: 100, precision: 0 },
      // The field's irrigation valve (1 open, 0 closed) and its flow; commands open and close it.
      { name: "valve", label: "Valve open", min: 0, max: 1, precision: 0 },
      { name: "flow", label: "Water flow", unit: "L/min", min: 0, max: 100, precision: 1 },
    ],
  },
  {
    slug: "room-sensor",
    name: "Room sensor",
    inactivityTimeoutS: INACTIVITY_TIMEOUT_S,
    metrics: [
      { name: "temperature", label: "Temperature", unit: "°C", min: -40, max: 80, precision: 1, key: true },
      { name: "co2", label: "CO₂", unit: "ppm", min: 0, max: 10000, precision: 0, key: true },
      { name: "power", label: "Power", unit: "W", min: 0, max: 100000, precision: 0 },
    ],
  },
  {
    slug: "motor-monitor",
    name: "Motor monitor",
    inactivityTimeoutS: INACTIVITY_TIMEOUT_S,
    metrics: [
      { name: "vibration", label: "Vibration", unit: "mm/s", min: 0, max: 100, precision: 2, key: true },
      {
        name: "motor.temperature",
        label: "Motor temperature",
        unit: "°C",
        min: -40,
        max: 200,
        precision: 1,
        key: true,
      },
      { name: "current", label: "Current", unit: "A", min: 0, max: 500, precision: 1 },
    ],
  },
];

/** The demo metrics by name (names are unique across the demo types). */
export const DEMO_METRICS: ReadonlyMap<string, MetricSpec> = new Map(
  DEMO_DEVICE_TYPES.flatMap((type) => type.metrics.map((m) => [m.name, m] as const)),
);

export function demoDeviceType(slug: string): DemoDeviceType {
  const type = DEMO_DEVICE_TYPES.find((t) => t.slug === slug);
  if (!type) throw new Error(`unknown demo device type "${slug}"`);
  return type;
}

const FIELDS = ["North paddock", "River field", "Orchard", "Greenhouse 1", "Greenhouse 2", "South paddock"];
const WINGS = ["east", "west"];
const HALLS = ["Hall A", "Hall B", "Hall C"];

/** `count` devices, dealt to the three sites in turn; the same count always gives the same list. */
export function demoDevices(count: number): DemoDevice[] {
  return Array.from({ length: count }, (_, index) => {
    const site = DEMO_SITES[index % DEMO_SITES.length]!;
    const n = Math.floor(index / DEMO_SITES.length) + 1;
    const key = `${site.keyPrefix}-${String(n).padStart(2, "0")}`;
    return {
      index,
      key,
      siteSlug: site.slug,
      typeSlug: site.typeSlug,
      payloadStyle: payloadStyleFor(index),
      ...describe(site.slug, n),
    };
  });
}

// One device in eight speaks ThingsBoard, one in eight publishes a topic per metric; already
// a fleet of six shows all three formats, and across the fleet each format meets every type.
function payloadStyleFor(index: number): PayloadStyle {
  if (index % 8 === 4) return "thingsboard";
  if (index % 8 === 5) return "metric-topics";
  return "nested-json";
}

function describe(siteSlug: string, n: number): { name: string; location: string } {
  if (siteSlug === "farm")
    return { name: `Field ${n} soil sensor`, location: FIELDS[(n - 1) % FIELDS.length]! };
  if (siteSlug === "building") {
    const floor = Math.ceil(n / 2);
    const wing = WINGS[(n - 1) % 2]!;
    return { name: `Floor ${floor} ${wing} room sensor`, location: `Floor ${floor}, ${wing} wing` };
  }
  const line = Math.ceil(n / 4);
  return {
    name: `Line ${line} motor ${((n - 1) % 4) + 1}`,
    location: `${HALLS[(line - 1) % HALLS.length]!}, line ${line}`,
  };
}

/** A source of uniform numbers in [0, 1); `createRng` makes a seeded one so runs can be replayed. */
export type Rng = () => number;

/** mulberry32: tiny, fast and good enough for demo noise. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A thermometer glitch real fleets send now and then; ingest must quarantine it, not chart it. */
export const IMPOSSIBLE_TEMPERATURE = -273.15;
const IMPOSSIBLE_CHANCE = 1 / 2000;
const SPIKE_CHANCE = 1 / 500;

interface Moment {
  /** Local time of day in hours, 0 ≤ hour < 24. */
  hour: number;
  /** Hours since the epoch, for cycles that don't follow the clock. */
  hours: number;
  /** A per-device number in [0, 1) so devices of one type don't draw the same curve. */
  trait: number;
}

// Cosine peaking at `peakHour`: 1 at the peak, -1 twelve hours away.
const daily = (hour: number, peakHour: number) => Math.cos((2 * Math.PI * (hour - peakHour)) / 24);
// 0 outside [from, to), a smooth hump inside: people in the office, a shift on the line.
const busy = (hour: number, from: number, to: number) =>
  hour >= from && hour < to ? Math.sin((Math.PI * (hour - from)) / (to - from)) : 0;

/** The noiseless value of each demo metric, and how much noise rides on it. */
const MODELS: Record<string, { base: (m: Moment) => number; noise: number }> = {
  // Irrigated every 12 h (offset per field), then drying ~2 %/h: dry fields dip below 20 %.
  "soil.moisture": {
    base: (m) => 40 + 8 * Math.floor(m.trait * 3) - 2.2 * ((m.hours + 12 * m.trait) % 12),
    noise: 0.4,
  },
  "air.temperature": { base: (m) => 14 + 4 * m.trait + 8 * daily(m.hour, 15), noise: 0.3 },
  humidity: { base: (m) => 65 - 18 * daily(m.hour, 15), noise: 1.5 },
  valve: { base: (m) => (scheduledOpen(m.hours, m.trait) ? 1 : 0), noise: 0 },
  flow: { base: (m) => (scheduledOpen(m.hours, m.trait) ? flowWhenOpen(m.hours, m.trait) : 0), noise: 0 },
  temperature: { base: (m) => 20 + m.trait + 2 * busy(m.hour, 8, 18), noise: 0.15 },
  co2: { base: (m) => 420 + (500 + 700 * m.trait) * busy(m.hour, 8, 18), noise: 25 },
  power: { base: (m) => 900 + 400 * m.trait + 7000 * busy(m.hour, 7, 19), noise: 150 },
  vibration: { base: (m) => (busy(m.hour, 6, 22) > 0 ? 2.5 + 2 * m.trait : 0.1), noise: 0.25 },
  "motor.temperature": { base: (m) => 24 + (35 + 15 * m.trait) * Math.sqrt(busy(m.hour, 6, 22)), noise: 0.5 },
  current: { base: (m) => (busy(m.hour, 6, 22) > 0 ? 35 + 20 * m.trait : 0.4), noise: 1.2 },
};

/**
 * A believable reading of a demo metric for device `deviceIndex` at `atMs` (local time of day
 * drives the cycles): noise, a rare spike, and very rarely −273.15 from a temperature sensor.
 * Otherwise the value stays within the metric's min/max, rounded to its precision.
 */
export function sampleValue(metricName: string, deviceIndex: number, atMs: number, rng: Rng): number {
  const spec = DEMO_METRICS.get(metricName);
  const model = MODELS[metricName];
  if (!spec || !model) throw new Error(`no demo model for metric "${metricName}"`);
  if (spec.unit === "°C" && rng() < IMPOSSIBLE_CHANCE) return IMPOSSIBLE_TEMPERATURE;
  const local = new Date(atMs);
  const hour = local.getHours() + local.getMinutes() / 60 + local.getSeconds() / 3600;
  const trait = deviceTrait(deviceIndex);
  let value = model.base({ hour, hours: atMs / 3_600_000, trait }) + model.noise * gaussian(rng);
  const min = spec.min ?? -Infinity;
  const max = spec.max ?? Infinity;
  // A spike: up by 60 % plus ten noise widths for one sample, so it shows even near zero.
  if (rng() < SPIKE_CHANCE) value += Math.abs(value) * 0.6 + model.noise * 10;
  const factor = 10 ** (spec.precision ?? 2);
  return Math.min(max, Math.max(min, Math.round(value * factor) / factor));
}

/** A per-device number in [0, 1), fixed for the device: what makes one field or room unlike the next. */
export function deviceTrait(deviceIndex: number): number {
  return createRng(deviceIndex * 7919 + 1)();
}

// Sum of four uniforms: close enough to a normal distribution (mean 0, sd about 1).
function gaussian(rng: Rng): number {
  return (rng() + rng() + rng() + rng() - 2) * 1.73;
}
