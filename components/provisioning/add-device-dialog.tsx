"use client";

import Link from "next/link";
import { useState } from "react";
import { formErrors, NO_ERRORS } from "../api/send-json";
import { Button, buttonClass } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { Notice } from "../ui/notice";
import { CredentialsPanel } from "./credentials-panel";
import { DEVICE_FORM_FIELDS, DeviceForm } from "./device-form";
import type { CreatedDeviceView } from "@/lib/server/devices/view";
import type { ProvisioningContext } from "./types";
import { useCreateDevice } from "./use-provisioning";

/** "Add device": the form, then the new device's credentials, once. */
export function AddDeviceDialog({ context }: { context: ProvisioningContext }) {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<CreatedDeviceView | null>(null);
  const create = useCreateDevice();
  const close = () => {
    setOpen(false);
    setCreated(null);
    create.reset();
  };
  return (
    <>
      <Button variant="primary" onClick={() => setOpen(true)}>
        Add device
      </Button>
      <Dialog
        open={open}
        onClose={close}
        title={created ? `${created.device?.name ?? created.credentials.username} is ready` : "Add device"}
        className="max-w-2xl"
      >
        {created ? (
          <div className="space-y-4">
            <CredentialsPanel credentials={created.credentials} />
            <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
              <Button onClick={close}>Done</Button>
              <Link
                href={`/devices/${encodeURIComponent(created.credentials.username)}`}
                className={buttonClass("primary")}
              >
                Open the device
              </Link>
            </div>
          </div>
        ) : context.sites.length === 0 ? (
          <Notice tone="info">You aren&apos;t an admin of any site, so you can&apos;t add devices.</Notice>
        ) : (
          <DeviceForm
            context={context}
            pending={create.isPending}
            submitLabel="Add device"
            errors={create.error ? formErrors(create.error, DEVICE_FORM_FIELDS) : NO_ERRORS}
            onSubmit={(fields) => create.mutate(fields, { onSuccess: setCreated })}
          />
        )}
      </Dialog>
    </>
  );
}
