"use client";

import { errorMessage } from "../api/fetch-json";
import type { DeviceView } from "@/lib/server/db/queries/devices";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { Dialog, DoneButton } from "../ui/dialog";
import { CredentialsPanel } from "./credentials-panel";
import { useRotateToken } from "./use-provisioning";

/** Confirm, then the new credentials (once). The old token stops working straight away. */
export function RotateTokenDialog({
  open,
  device,
  onClose,
}: {
  open: boolean;
  device: DeviceView;
  onClose: () => void;
}) {
  const rotate = useRotateToken(device.key);
  const close = () => {
    rotate.reset();
    onClose();
  };
  if (rotate.data) {
    return (
      <Dialog open={open} onClose={close} title={`New token for ${device.name}`} className="max-w-2xl">
        <div className="space-y-4">
          <CredentialsPanel credentials={rotate.data.credentials} />
          <DoneButton onClick={close} />
        </div>
      </Dialog>
    );
  }
  return (
    <ConfirmDialog
      open={open}
      title={`Give ${device.name} a new token?`}
      confirmLabel="Make a new token"
      danger
      pending={rotate.isPending}
      error={rotate.error ? errorMessage(rotate.error) : null}
      onClose={close}
      onConfirm={() => rotate.mutate()}
    >
      The current token stops working within seconds and the device is disconnected until it uses the new one.
    </ConfirmDialog>
  );
}
