"use client";

import { useState } from "react";

/** Copies `value` to the clipboard; `state` says how it went, for a polite status line. */
export function useCopy(value: string, select?: () => void) {
  const [state, setState] = useState<"yes" | "failed" | null>(null);
  async function copy() {
    select?.();
    try {
      if (navigator.clipboard) await navigator.clipboard.writeText(value);
      else if (!document.execCommand("copy")) throw new Error("copy refused");
      setState("yes");
    } catch {
      setState("failed");
    }
  }
  const message =
    state === "yes"
      ? "Copied to the clipboard."
      : state === "failed"
        ? "Couldn't copy: select the text and copy it yourself."
        : "";
  return { copy, copied: state === "yes", message };
}
