"use client";

import { useId, useRef } from "react";
import { Button } from "./button";
import { inputClass } from "./field";
import { useCopy } from "./use-copy";

/** A read-only value (a secret, a link) with a Copy button; the text stays selectable where the clipboard API is missing. */
export function CopyField({ label, value, testId }: { label: string; value: string; testId?: string }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const { copy, copied, message } = useCopy(value, () => input.current?.select());
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <div className="flex gap-2">
        <input
          ref={input}
          id={id}
          readOnly
          value={value}
          data-testid={testId}
          onFocus={(e) => e.currentTarget.select()}
          className={`${inputClass} min-w-0 font-mono text-xs`}
        />
        <Button onClick={copy} className="shrink-0">
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
      <p aria-live="polite" className="text-xs text-muted">
        {message}
      </p>
    </div>
  );
}

/** A block of code (a command line, a snippet) with a Copy button. */
export function CopyBlock({ label, value, testId }: { label: string; value: string; testId?: string }) {
  const { copy, copied, message } = useCopy(value);
  return (
    <div className="space-y-1.5">
      <div className="flex items-center justify-between gap-2">
        <span className="font-medium">{label}</span>
        <Button onClick={copy} variant="ghost" className="!px-2 !py-1 text-xs" aria-label={`Copy ${label}`}>
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
      <pre
        data-testid={testId}
        className="max-h-56 overflow-auto rounded-md border border-border bg-zinc-50 p-3 font-mono text-xs whitespace-pre-wrap break-all dark:bg-zinc-900"
      >
        {value}
      </pre>
      <p aria-live="polite" className="text-xs text-muted">
        {message}
      </p>
    </div>
  );
}
