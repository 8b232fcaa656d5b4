"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorMessage } from "../api/fetch-json";
import type { DeviceView } from "@/lib/server/db/queries/devices";
import { Choice } from "../ui/choice";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { useDeleteDevice } from "./use-provisioning";

/** Delete, choosing what happens to the data: kept (the device is archived) or dropped. */
export function DeleteDeviceDialog({
  open,
  device,
  onClose,
}: {
  open: boolean;
  device: DeviceView;
  onClose: () => void;
}) {
  const [data, setData] = useState<"keep" | "drop">("keep");
  const remove = useDeleteDevice(device.key);
  const router = useRouter();
  return (
    <ConfirmDialog
      open={open}
      title={`Delete ${device.name}?`}
      confirmLabel={data === "drop" ? "Delete device and data" : "Delete device"}
      danger
      pending={remove.isPending}
      error={remove.error ? errorMessage(remove.error) : null}
      onClose={onClose}
      onConfirm={() =>
        remove.mutate(data, {
          onSuccess: () => (data === "drop" ? router.push("/devices") : (onClose(), router.refresh())),
        })
      }
    >
      <div className="space-y-3">
        <p>It stops being able to connect at once and leaves the fleet.</p>
        <fieldset className="space-y-2 text-foreground">
          <legend className="sr-only">Its data</legend>
          <Choice
            type="radio"
            name="data"
            label="Keep its data"
            hint="Charts and exports stay on this page; the key stays reserved."
            checked={data === "keep"}
            onChange={() => setData("keep")}
          />
          <Choice
            type="radio"
            name="data"
            label="Delete its data too"
            hint="Every reading, rollup and command of it, for good."
            checked={data === "drop"}
            onChange={() => setData("drop")}
          />
        </fieldset>
      </div>
    </ConfirmDialog>
  );
}
