"use client";

import { Bell } from "@/components/ui/icons/bell";
import { usePathname, useRouter } from "next/navigation";
import { lazy, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { DeferredPopup } from "@/components/ui/deferred-popup";
import { markAllNotificationsReadAction, markNotificationsReadAction } from "@/lib/features/notifications/actions";
import { MARK_READ_FAILED } from "@/lib/features/notifications/constants";
import { publishRead, subscribeRead, type ReadEvent } from "@/lib/features/notifications/components/read-sync";
import { useAction } from "@/components/use-action";
import type { NotificationItem, NotificationSummary } from "@/lib/features/notifications/types";
import { unreadLabel } from "@/lib/features/notifications/utils";

const NotificationMenu = lazy(() =>
  import("@/lib/features/notifications/components/notification-menu").then((module) => ({ default: module.NotificationMenu })),
);

function applyRead(state: NotificationSummary, { ids, unread }: ReadEvent): NotificationSummary {
  return {
    unread,
    latest: state.latest.map((item) => (ids === "all" || ids.includes(item.id) ? { ...item, unread: false } : item)),
  };
}

/** The top bar's bell: unread count on the button, the latest notifications in a menu. */
export function NotificationBell({ initial }: { initial: NotificationSummary }) {
  const [state, setState] = useState(initial);
  // New props mean the layout was re-rendered on the server (router.refresh()): they are the truth now.
  const [synced, setSynced] = useState(initial);
  if (synced !== initial) {
    setSynced(initial);
    setState(initial);
  }

  // Answers arrive out of order when several requests overlap; only the last one's count is current.
  const inFlight = useRef(0);
  const { run } = useAction(MARK_READ_FAILED);
  const router = useRouter();
  const pathname = usePathname();

  useEffect(() => subscribeRead((event) => setState((current) => applyRead(current, event))), []);

  async function markOne(item: NotificationItem) {
    if (!item.unread) return;
    setState((current) => applyRead(current, { ids: [item.id], unread: Math.max(0, current.unread - 1) }));
    inFlight.current += 1;
    const result = await run(() => markNotificationsReadAction({ ids: [item.id] }));
    inFlight.current -= 1;
    if (result?.ok) {
      if (inFlight.current === 0) setState((current) => ({ ...current, unread: result.data.unread }));
      return;
    }
    setState((current) => ({
      unread: current.unread + 1,
      latest: current.latest.map((other) => (other.id === item.id ? { ...other, unread: true } : other)),
    }));
  }

  async function markAll() {
    const before = state;
    setState((current) => applyRead(current, { ids: "all", unread: 0 }));
    inFlight.current += 1;
    const result = await run(() => markAllNotificationsReadAction());
    inFlight.current -= 1;
    if (result?.ok) {
      if (inFlight.current === 0) setState((current) => ({ ...current, unread: result.data.unread }));
      publishRead({ ids: "all", unread: result.data.unread });
      // The full list shows read marks too; it is the only page that needs re-rendering.
      if (pathname === "/notifications") router.refresh();
      return;
    }
    setState(before);
  }

  const { unread, latest } = state;

  const trigger = (
    <Button variant="ghost" size="icon" className="relative" aria-label={unreadLabel(unread)}>
      <Bell aria-hidden />
      {unread > 0 ? (
        <span
          aria-hidden
          className="absolute top-1 right-0.5 flex h-4 min-w-4 items-center justify-center rounded-full bg-accent px-1 text-[0.625rem] leading-none font-semibold text-accent-foreground tabular-nums"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Button>
  );

  return (
    <DeferredPopup trigger={trigger} kind="menu">
      <NotificationMenu unread={unread} latest={latest} onMarkOne={markOne} onMarkAll={markAll} trigger={trigger} />
    </DeferredPopup>
  );
}
