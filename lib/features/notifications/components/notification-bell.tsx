"use client";

import { Bell, CheckCheck } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { cn } from "@/lib/cn";
import { markAllNotificationsReadAction, markNotificationsReadAction } from "@/lib/features/notifications/actions";
import { EMPTY_TEXT, MARK_READ_FAILED } from "@/lib/features/notifications/constants";
import { publishRead, subscribeRead, type ReadEvent } from "@/lib/features/notifications/components/read-sync";
import { RelativeTime } from "@/components/ui/relative-time";
import { useAction } from "@/components/use-action";
import type { NotificationItem, NotificationSummary } from "@/lib/features/notifications/types";
import { unreadLabel } from "@/lib/features/notifications/utils";

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

  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
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
      </DropdownMenuTrigger>
      <DropdownMenuContent className="w-[min(22rem,calc(100vw-1rem))] p-0">
        <div className="flex items-center justify-between gap-2 border-b border-border px-3 py-2">
          <DropdownMenuLabel className="p-0 text-sm font-semibold text-foreground">Notifications</DropdownMenuLabel>
          {unread > 0 ? <span className="text-xs text-muted-foreground tabular-nums">{unread} unread</span> : null}
        </div>
        {latest.length === 0 ? (
          <p className="px-4 py-6 text-center text-sm text-muted-foreground">{EMPTY_TEXT}</p>
        ) : (
          <div className="max-h-[min(24rem,60dvh)] overflow-y-auto p-1">
            {latest.map((item) => (
              <DropdownMenuItem key={item.id} asChild className="items-start gap-2.5 py-2" onSelect={() => void markOne(item)}>
                <Link href={item.href}>
                  <span
                    aria-hidden
                    className={cn("mt-1.5 size-2 shrink-0 rounded-full", item.unread ? "bg-accent" : "bg-transparent")}
                  />
                  <span className="grid min-w-0 gap-0.5">
                    <span className={cn("line-clamp-2 break-words", item.unread && "font-semibold")}>{item.title}</span>
                    <span className="text-xs text-muted-foreground">
                      <RelativeTime iso={item.createdAt} />
                      {item.unread ? (
                        <>
                          {" · "}
                          <span className="font-medium text-accent">Unread</span>
                        </>
                      ) : null}
                    </span>
                  </span>
                </Link>
              </DropdownMenuItem>
            ))}
          </div>
        )}
        <DropdownMenuSeparator className="mx-0 my-0" />
        <div className="flex items-center justify-between gap-1 p-1">
          <DropdownMenuItem
            disabled={unread === 0}
            onSelect={(event) => {
              // Stay open so the read marks visibly change.
              event.preventDefault();
              void markAll();
            }}
          >
            <CheckCheck aria-hidden />
            Mark all as read
          </DropdownMenuItem>
          <DropdownMenuItem asChild>
            <Link href="/notifications">See all</Link>
          </DropdownMenuItem>
        </div>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
