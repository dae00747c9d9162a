"use client";

import { CheckCheck } from "@/components/ui/icons/check-check";
import Link from "next/link";
import type { ReactElement } from "react";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { RelativeTime } from "@/components/ui/relative-time";
import { cn } from "@/lib/cn";
import { EMPTY_TEXT } from "@/lib/features/notifications/constants";
import type { NotificationItem } from "@/lib/features/notifications/types";

/** The bell's menu itself, loaded when first opened (decision 023); the bell keeps the state. */
export function NotificationMenu({
  unread,
  latest,
  onMarkOne,
  onMarkAll,
  trigger,
}: {
  unread: number;
  latest: NotificationItem[];
  onMarkOne: (item: NotificationItem) => Promise<void>;
  onMarkAll: () => Promise<void>;
  trigger: ReactElement;
}) {
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
              <DropdownMenuItem key={item.id} asChild layout="entry" onSelect={() => void onMarkOne(item)}>
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
              void onMarkAll();
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
