/**
 * The farm's irrigation, as the demo soil sensors' valves report it: each field is watered for
 * the first 15 minutes of every 12 hours (offset per field, the cycle soil.moisture's model
 * dries along), unless an operator opened or closed the valve by command.
 */
const PERIOD_H = 12;
const WATERING_H = 0.25;

/** Whether the schedule has the valve open, `hours` since the epoch, for a field with `trait` in [0, 1). */
export function scheduledOpen(hours: number, trait: number): boolean {
  return (hours + PERIOD_H * trait) % PERIOD_H < WATERING_H;
}

/** Litres a minute through an open valve: a little per field, wobbling with the pressure. */
export function flowWhenOpen(hours: number, trait: number): number {
  return Math.round((14 + 4 * trait + Math.sin(hours * 40)) * 10) / 10;
}
