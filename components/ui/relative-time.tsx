"use client";

import { useSyncExternalStore } from "react";
import { formatMoment, formatRelativeTime, localTimeZone } from "@/lib/calendar-zones";

const subscribe = () => () => {};

/**
 * "2 hours ago" with the absolute moment on hover, its zone named ("12 Mar 2027, 14:05 UTC"). The server (and
 * hydration) renders against the request's clock in UTC; the browser then re-renders with its own clock and time
 * zone, so there is never a hydration mismatch. A `timeZone` (the one a person chose) is used on both sides instead.
 */
export function RelativeTime({ iso, serverNow, timeZone }: { iso: string; serverNow?: string; timeZone?: string | null }) {
  const date = new Date(iso);
  const relative = useSyncExternalStore(
    subscribe,
    () => formatRelativeTime(date, new Date()),
    () => formatRelativeTime(date, serverNow ? new Date(serverNow) : new Date()),
  );
  const absolute = useSyncExternalStore(
    subscribe,
    () => formatMoment(date, timeZone ?? localTimeZone(), { named: true }),
    () => formatMoment(date, timeZone ?? "UTC", { named: true }),
  );
  return (
    <time dateTime={iso} title={absolute}>
      {relative}
    </time>
  );
}
