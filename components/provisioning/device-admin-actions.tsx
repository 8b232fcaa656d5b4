"use client";

import { useState } from "react";
import { errorMessage } from "../api/fetch-json";
import { formErrors, NO_ERRORS } from "../api/send-json";
import type { DeviceView } from "@/lib/server/db/queries/devices";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { Dialog } from "../ui/dialog";
import { DeleteDeviceDialog } from "./delete-device-dialog";
import { DEVICE_FORM_FIELDS, DeviceForm } from "./device-form";
import { RotateTokenDialog } from "./rotate-token-dialog";
import type { ProvisioningContext } from "./types";
import { useUpdateDevice } from "./use-provisioning";

type Open = "edit" | "disable" | "rotate" | "delete" | null;

/** What a site admin can do to a device: edit, disable or enable, a new token, delete. */
export function DeviceAdminActions({
  device,
  context,
}: {
  device: DeviceView;
  context: ProvisioningContext;
}) {
  const [open, setOpen] = useState<Open>(null);
  const update = useUpdateDevice(device.key);
  const close = () => {
    setOpen(null);
    update.reset();
  };
  if (device.archivedAt) return null;
  return (
    <div className="flex flex-wrap gap-2" aria-label="Device actions" role="group">
      <Button onClick={() => setOpen("edit")}>Edit</Button>
      {device.disabled ? (
        <Button onClick={() => update.mutate({ disabled: false })} disabled={update.isPending}>
          Enable
        </Button>
      ) : (
        <Button onClick={() => setOpen("disable")}>Disable</Button>
      )}
      <Button onClick={() => setOpen("rotate")}>New token</Button>
      <Button onClick={() => setOpen("delete")} className="text-danger">
        Delete
      </Button>
      {update.error && open === null && (
        <p className="basis-full text-xs text-danger">{errorMessage(update.error)}</p>
      )}

      <Dialog open={open === "edit"} onClose={close} title={`Edit ${device.name}`}>
        <DeviceForm
          context={context}
          device={device}
          pending={update.isPending}
          submitLabel="Save"
          errors={update.error ? formErrors(update.error, DEVICE_FORM_FIELDS) : NO_ERRORS}
          onSubmit={({ key: _key, ...fields }) => update.mutate(fields, { onSuccess: close })}
        />
      </Dialog>
      <ConfirmDialog
        open={open === "disable"}
        title={`Disable ${device.name}?`}
        confirmLabel="Disable"
        danger
        pending={update.isPending}
        error={update.error ? errorMessage(update.error) : null}
        onClose={close}
        onConfirm={() => update.mutate({ disabled: true }, { onSuccess: close })}
      >
        The broker refuses its connections within seconds, and anything it still manages to send is
        quarantined as &ldquo;disabled device&rdquo;. Its data stays; you can enable it again at any time.
      </ConfirmDialog>
      <RotateTokenDialog open={open === "rotate"} device={device} onClose={close} />
      <DeleteDeviceDialog open={open === "delete"} device={device} onClose={close} />
    </div>
  );
}
