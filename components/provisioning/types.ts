import type { DeviceSummary, SiteOption } from "../api/types";

/** What the provisioning forms offer: the sites the admin manages and every device type. */
export interface ProvisioningContext {
  sites: SiteOption[];
  types: SiteOption[];
}

/** A device's credentials as the API returns them, once (lib/server/http/device-credentials.ts). */
export interface DeviceCredentials {
  username: string;
  password: string;
  clientId: string;
  broker: { host: string; port: number; url: string };
  topics: { telemetry: string; status: string; commands: string; commandAcks: string };
}

export interface CreatedDevice {
  device: DeviceSummary;
  credentials: DeviceCredentials;
}

/** The editable fields, as the API takes them. */
export interface DeviceFields {
  key?: string;
  name: string;
  site: string;
  type: string | null;
  location: string | null;
  latitude: number | null;
  longitude: number | null;
  inactivityTimeoutS: number | null;
}
