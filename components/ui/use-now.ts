"use client";

import { useSyncExternalStore } from "react";

// One shared 1 s ticker for every relative time on the page, instead of one timer each.
let now = 0;
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

function tick() {
  now = Date.now();
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    tick();
    timer = setInterval(tick, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

// Must return the same value until the store changes, so the clock is read once and then only by tick().
function getSnapshot() {
  if (!now) now = Date.now();
  return now;
}
// The server (and hydration) sees 0, so server HTML never disagrees with the browser's clock.
const getServerSnapshot = () => 0;

/** The current time in epoch ms, re-rendering about once a second; 0 while hydrating. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
}
