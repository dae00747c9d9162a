"use client";

import { useSyncExternalStore } from "react";
import { formatAbsoluteTime, formatRelativeTime } from "@/lib/dates";

const subscribe = () => () => {};

/**
 * "2 hours ago" with the absolute date on hover. The server (and hydration) renders against the request's clock in
 * UTC; the browser then re-renders with its own clock and time zone, so there is never a hydration mismatch.
 */
export function RelativeTime({ iso, serverNow }: { iso: string; serverNow?: string }) {
  const date = new Date(iso);
  const relative = useSyncExternalStore(
    subscribe,
    () => formatRelativeTime(date, new Date()),
    () => formatRelativeTime(date, serverNow ? new Date(serverNow) : new Date()),
  );
  const absolute = useSyncExternalStore(
    subscribe,
    () => formatAbsoluteTime(date),
    () => formatAbsoluteTime(date, "UTC"),
  );
  return (
    <time dateTime={iso} title={absolute}>
      {relative}
    </time>
  );
}
