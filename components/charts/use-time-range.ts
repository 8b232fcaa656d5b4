"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { parseRange, rangeParams, type TimeRange } from "./time-range";

/** The device page's time range, kept in the URL so a link shows the same view. */
export function useTimeRange() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const range = useMemo(() => parseRange(new URLSearchParams(params.toString())), [params]);
  const setRange = useCallback(
    (next: TimeRange) => {
      const qs = new URLSearchParams(params.toString());
      for (const [name, value] of Object.entries(rangeParams(next))) {
        if (value === null) qs.delete(name);
        else qs.set(name, value);
      }
      const query = qs.toString();
      // A push, not a replace: Back undoes a zoom.
      router.push(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [params, pathname, router],
  );
  return { range, setRange };
}
