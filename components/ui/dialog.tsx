"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";
import { Button } from "./button";

interface Props {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  children: ReactNode;
  className?: string;
}

/**
 * A modal on the native <dialog> (focus trap, Escape and the top layer come free).
 * Rendered only while open, so its form state starts fresh each time.
 */
export function Dialog({ open, onClose, title, children, className = "" }: Props) {
  if (!open) return null;
  return (
    <OpenDialog onClose={onClose} title={title} className={className}>
      {children}
    </OpenDialog>
  );
}

function OpenDialog({ onClose, title, children, className }: Omit<Props, "open">) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    // showModal focuses the first focusable element (the close button); a form can name a better start.
    dialog?.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      // No onClose: the only native close is this component's own cleanup (and under React's
      // StrictMode a mount is cleaned up once and run again, which would shut the dialog at once).
      // Escape comes through onCancel, the close button calls onClose itself.
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      className={`m-auto w-[calc(100%-2rem)] ${/\bmax-w-/.test(className ?? "") ? "" : "max-w-lg"} rounded-lg border border-border bg-surface p-0 text-sm text-foreground shadow-xl backdrop:bg-zinc-950/50 ${className}`}
    >
      <div className="flex items-center justify-between gap-3 border-b border-border px-5 py-3.5">
        <h2 id={titleId} className="text-base font-semibold">
          {title}
        </h2>
        <button
          type="button"
          aria-label="Close"
          onClick={onClose}
          className="rounded-md p-1.5 text-muted hover:bg-zinc-100 hover:text-foreground dark:hover:bg-zinc-800"
        >
          <svg
            viewBox="0 0 24 24"
            className="size-4"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
            aria-hidden
          >
            <path d="M6 6l12 12M18 6L6 18" />
          </svg>
        </button>
      </div>
      <div className="max-h-[75dvh] overflow-y-auto px-5 py-4">{children}</div>
    </dialog>
  );
}

/** The closing "Done" of a dialog that has only shown something (a secret, a link). */
export function DoneButton({ onClick }: { onClick: () => void }) {
  return (
    <div className="flex justify-end">
      <Button variant="primary" onClick={onClick}>
        Done
      </Button>
    </div>
  );
}
