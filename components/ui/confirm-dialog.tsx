"use client";

import type { ReactNode } from "react";
import { Button } from "./button";
import { Dialog } from "./dialog";
import { Notice } from "./notice";

interface Props {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  pending?: boolean;
  error?: string | null;
  danger?: boolean;
}

/** "Are you sure?" with the consequence spelled out, a Cancel and a confirm button named for the action. */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  onConfirm,
  onClose,
  pending = false,
  error,
  danger = false,
}: Props) {
  return (
    <Dialog open={open} onClose={onClose} title={title}>
      <div className="space-y-4">
        <div className="text-muted">{children}</div>
        {error && <Notice>{error}</Notice>}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="primary"
            onClick={onConfirm}
            busy={pending}
            className={danger ? "!bg-danger !text-white" : ""}
          >
            {confirmLabel}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
