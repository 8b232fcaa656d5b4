"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef } from "react";

/**
 * A list's filters kept in the URL, so a filtered view can be bookmarked and shared. `parse`
 * reads them (ignoring anything invalid); `update` writes a patch, dropping defaults and empty
 * values, and starts again at the first page unless the patch sets one.
 */
export function useUrlFilters<F extends { page: number }>(
  parse: (params: URLSearchParams) => F,
  defaults: F,
) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const filters = useMemo(() => parse(new URLSearchParams(params.toString())), [params, parse]);
  // The URL changes a moment after router.replace: a second change before then must build on the
  // first, not on the URL the page still shows (or it undoes the first). Only for a moment, so
  // a later Back or link is never overruled.
  const pending = useRef<{ qs: string; at: number } | null>(null);
  useEffect(() => {
    if (pending.current?.qs === params.toString()) pending.current = null;
  }, [params]);
  const update = useCallback(
    (patch: Partial<F>) => {
      const recent = pending.current && Date.now() - pending.current.at < 1000 ? pending.current.qs : null;
      const next = new URLSearchParams(recent ?? params.toString());
      for (const [name, value] of Object.entries({ ...patch, page: patch.page ?? 1 })) {
        if (String(value).trim() === "" || value === defaults[name as keyof F]) next.delete(name);
        else next.set(name, String(value));
      }
      const qs = next.toString();
      pending.current = { qs, at: Date.now() };
      router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
    },
    [params, pathname, router, defaults],
  );
  return { filters, update };
}

/** `?page=` as a page number from 1. */
export function pageParam(params: URLSearchParams): number {
  const page = Number.parseInt(params.get("page") ?? "", 10);
  return Number.isFinite(page) && page > 0 ? page : 1;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A YYYY-MM-DD day parameter, or "". */
export function dayParam(params: URLSearchParams, name: string): string {
  const value = params.get(name) ?? "";
  return DAY.test(value) ? value : "";
}

/** Local midnight of a YYYY-MM-DD day, in epoch ms (`plusDays` moves it, e.g. 1 for an inclusive end). */
export function localDayStart(day: string, plusDays = 0): number {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(y, m - 1, d + plusDays).getTime();
}
