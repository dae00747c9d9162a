"use client";

import { Bell } from "@/components/ui/icons/bell";
import { lazy, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { DeferredPopup } from "@/components/ui/deferred-popup";
import { applyRead, subscribeRead } from "@/lib/features/notifications/components/read-sync";
import type { NotificationSummary } from "@/lib/features/notifications/types";
import { unreadLabel } from "@/lib/features/notifications/utils";

const NotificationMenu = lazy(() =>
  import("@/lib/features/notifications/components/notification-menu").then((module) => ({ default: module.NotificationMenu })),
);

/**
 * The top bar's bell: unread count on the button, the latest notifications in a menu. The bell holds the state; the
 * menu, loaded when first opened, marks notifications read (decision 044).
 */
export function NotificationBell({ initial }: { initial: NotificationSummary }) {
  const [state, setState] = useState(initial);
  // New props mean the layout was re-rendered on the server (router.refresh()): they are the truth now.
  const [synced, setSynced] = useState(initial);
  if (synced !== initial) {
    setSynced(initial);
    setState(initial);
  }

  useEffect(() => subscribeRead((event) => setState((current) => applyRead(current, event))), []);

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
      <NotificationMenu unread={unread} latest={latest} onChange={setState} trigger={trigger} />
    </DeferredPopup>
  );
}
