"use client";

import { CheckCheck } from "@/components/ui/icons/check-check";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useRef, type Dispatch, type ReactElement, type SetStateAction } from "react";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { RelativeTime } from "@/components/ui/relative-time";
import { useAction } from "@/components/use-action";
import { cn } from "@/lib/cn";
import { markAllNotificationsReadAction, markNotificationsReadAction } from "@/lib/features/notifications/actions";
import { applyRead, publishRead } from "@/lib/features/notifications/components/read-sync";
import { EMPTY_TEXT, MARK_READ_FAILED } from "@/lib/features/notifications/constants";
import type { NotificationItem, NotificationSummary } from "@/lib/features/notifications/types";

/**
 * The bell's menu itself, loaded when first opened (decision 023). The bell keeps the state; the menu marks
 * notifications read through `onChange`, at once, and puts them back if the server refuses. Once loaded it stays
 * mounted, so requests still in flight are counted across openings.
 */
export function NotificationMenu({
  unread,
  latest,
  onChange,
  trigger,
}: {
  unread: number;
  latest: NotificationItem[];
  onChange: Dispatch<SetStateAction<NotificationSummary>>;
  trigger: ReactElement;
}) {
  // Answers arrive out of order when several requests overlap; only the last one's count is current.
  const inFlight = useRef(0);
  const { run } = useAction(MARK_READ_FAILED);
  const router = useRouter();
  const pathname = usePathname();

  async function markOne(item: NotificationItem) {
    if (!item.unread) return;
    onChange((current) => applyRead(current, { ids: [item.id], unread: Math.max(0, current.unread - 1) }));
    inFlight.current += 1;
    const result = await run(() => markNotificationsReadAction({ ids: [item.id] }));
    inFlight.current -= 1;
    if (result?.ok) {
      if (inFlight.current === 0) onChange((current) => ({ ...current, unread: result.data.unread }));
      return;
    }
    onChange((current) => ({
      unread: current.unread + 1,
      latest: current.latest.map((other) => (other.id === item.id ? { ...other, unread: true } : other)),
    }));
  }

  async function markAll() {
    const before = { unread, latest };
    onChange((current) => applyRead(current, { ids: "all", unread: 0 }));
    inFlight.current += 1;
    const result = await run(() => markAllNotificationsReadAction());
    inFlight.current -= 1;
    if (result?.ok) {
      if (inFlight.current === 0) onChange((current) => ({ ...current, unread: result.data.unread }));
      publishRead({ ids: "all", unread: result.data.unread });
      // The full list shows read marks too; it is the only page that needs re-rendering.
      if (pathname === "/notifications") router.refresh();
      return;
    }
    onChange(before);
  }

  return (
    <DropdownMenu defaultOpen>
      <DropdownMenuTrigger asChild>{trigger}</DropdownMenuTrigger>
      <DropdownMenuContent flush className="w-[min(22rem,calc(100vw-1rem))]">
        <div className="flex items-center justify-between gap-2 border-b border-border px-3 py-2">
          <DropdownMenuLabel variant="title">Notifications</DropdownMenuLabel>
          {unread > 0 ? <span className="text-xs text-muted-foreground tabular-nums">{unread} unread</span> : null}
        </div>
        {latest.length === 0 ? (
          <p className="px-4 py-6 text-center text-sm text-muted-foreground">{EMPTY_TEXT}</p>
        ) : (
          <div className="max-h-[min(24rem,60dvh)] overflow-y-auto p-1">
            {latest.map((item) => (
              <DropdownMenuItem key={item.id} asChild layout="entry" onSelect={() => void markOne(item)}>
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
        <DropdownMenuSeparator flush />
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
