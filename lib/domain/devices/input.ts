import { z } from "zod";
import { DEVICE_KEY_PATTERN } from "../telemetry/topic";

const ROUTE_WORDS = ["import", "unprovisioned"];

/** What a person types for a device, checked the same for the form, the API and CSV import. */
export const deviceKeyInput = z
  .string()
  .trim()
  .regex(
    DEVICE_KEY_PATTERN,
    "use lower-case letters, digits, - and _, starting with a letter or digit (at most 64)",
  )
  // Fieldwatch's own broker clients (the worker, the web app) use these names.
  .refine(
    (key) => !key.startsWith("fieldwatch-"),
    "keys starting with fieldwatch- are reserved for Fieldwatch itself",
  )
  // /devices/import and /api/devices/{import,unprovisioned} would hide such a device's page and API.
  .refine(
    (key) => !ROUTE_WORDS.includes(key),
    "import and unprovisioned are words the app's addresses use; choose another key",
  );

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `at most ${max} characters`)
    .transform((s) => (s === "" ? null : s))
    .nullish();

const coordinate = (limit: number, name: string) =>
  z
    .number({ error: `${name} must be a number` })
    .min(-limit, `${name} is between -${limit} and ${limit}`)
    .max(limit, `${name} is between -${limit} and ${limit}`)
    .nullish();

const deviceFields = {
  name: z.string().trim().min(1, "required").max(120, "at most 120 characters"),
  site: z.string().trim().min(1, "required"),
  type: optionalText(100),
  location: optionalText(200),
  latitude: coordinate(90, "latitude"),
  longitude: coordinate(180, "longitude"),
  // Null: the device type's timeout applies.
  inactivityTimeoutS: z
    .number()
    .int("whole seconds")
    .min(10, "at least 10 seconds")
    .max(30 * 86_400, "at most 30 days")
    .nullish(),
};

export const newDeviceInput = z.object({ key: deviceKeyInput, ...deviceFields });
export type NewDeviceInput = z.infer<typeof newDeviceInput>;

export const deviceChangesInput = z
  .object({ ...deviceFields, disabled: z.boolean() })
  .partial()
  .refine((changes) => Object.keys(changes).length > 0, { message: "nothing to change" });
export type DeviceChangesInput = z.infer<typeof deviceChangesInput>;
