"use client";

import { useId, useRef, useState } from "react";
import { Button } from "./button";
import { inputClass } from "./field";

/** A read-only value (a secret, a link) with a Copy button; the text stays selectable where the clipboard API is missing. */
export function CopyField({ label, value, testId }: { label: string; value: string; testId?: string }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);

  async function copy() {
    input.current?.select();
    try {
      if (navigator.clipboard) await navigator.clipboard.writeText(value);
      else if (!document.execCommand("copy")) throw new Error("copy refused");
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  }

  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <div className="flex gap-2">
        <input ref={input} id={id} readOnly value={value} data-testid={testId} onFocus={(e) => e.currentTarget.select()} className={`${inputClass} min-w-0 font-mono text-xs`} />
        <Button onClick={copy} className="shrink-0">
          {copied === "yes" ? "Copied" : "Copy"}
        </Button>
      </div>
      <p aria-live="polite" className="text-xs text-muted">
        {copied === "yes" ? "Copied to the clipboard." : copied === "failed" ? "Couldn't copy: select the text and copy it yourself." : ""}
      </p>
    </div>
  );
}
