import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/cn";
import { TYPE_LABELS } from "@/lib/features/notifications/constants";
import { NotificationLink } from "@/lib/features/notifications/components/notification-link";
import { RelativeTime } from "@/components/ui/relative-time";
import type { NotificationListItem } from "@/lib/features/notifications/types";

/**
 * The full list on /notifications; each whole row is its link, and a notification that sums several things up (the
 * at-risk digest) lists them below its title, each with its own link above the row's; following any of them marks it read. `serverNow` keeps relative times hydration-safe;
 * `timeZone` is the one the person chose in Settings (null: the browser's).
 */
export function NotificationList({ items, serverNow, timeZone }: { items: NotificationListItem[]; serverNow: string; timeZone: string | null }) {
  return (
    <ul className="overflow-hidden rounded-lg border border-border bg-surface">
      {items.map((item) => (
        <li
          key={item.id}
          className={cn(
            "relative flex gap-3 border-b border-border px-4 py-3 last:border-b-0 focus-within:bg-surface-muted hover:bg-surface-muted",
            item.unread && "bg-accent-subtle/40",
          )}
        >
          <span
            aria-hidden
            className={cn("mt-2 size-2 shrink-0 rounded-full", item.unread ? "bg-accent" : "bg-transparent")}
          />
          <div className="grid min-w-0 flex-1 gap-1">
            <NotificationLink
              id={item.id}
              href={item.href}
              unread={item.unread}
              className={cn(
                "line-clamp-2 rounded-sm text-sm break-words after:absolute after:inset-0 after:content-['']",
                item.unread ? "font-semibold" : "text-foreground",
              )}
            >
              {item.title}
            </NotificationLink>
            {item.details.length > 0 ? (
              <ul className="relative z-10 grid gap-1 text-sm text-muted-foreground">
                {item.details.map((detail) => (
                  <li key={`${detail.href} ${detail.text}`}>
                    <NotificationLink
                      id={item.id}
                      href={detail.href}
                      unread={item.unread}
                      className="rounded-sm break-words underline underline-offset-2 hover:text-foreground"
                    >
                      {detail.text}
                    </NotificationLink>
                  </li>
                ))}
              </ul>
            ) : null}
            <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted-foreground">
              {item.unread ? (
                <Badge variant="info" icon="circle-dot">
                  Unread
                </Badge>
              ) : null}
              <span>{TYPE_LABELS[item.type]}</span>
              <span aria-hidden>·</span>
              <RelativeTime iso={item.createdAt} serverNow={serverNow} timeZone={timeZone} />
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}
