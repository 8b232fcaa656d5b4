import type { SiteOption } from "../api/types";

/** What the provisioning forms offer: the sites the admin manages and every device type. */
export interface ProvisioningContext {
  sites: SiteOption[];
  types: SiteOption[];
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
