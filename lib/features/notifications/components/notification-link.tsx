"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { toast } from "@/components/ui/toast";
import { markNotificationsReadAction } from "@/lib/features/notifications/actions";
import { publishRead } from "@/lib/features/notifications/components/read-sync";

/** A notification's link on /notifications: following it marks it read without holding up the navigation. */
export function NotificationLink({
  id,
  href,
  unread,
  className,
  children,
}: {
  id: string;
  href: string;
  unread: boolean;
  className?: string;
  children: ReactNode;
}) {
  async function markRead() {
    const result = await markNotificationsReadAction({ ids: [id] }).catch(() => null);
    if (result?.ok) {
      publishRead({ ids: [id], unread: result.data.unread });
      return;
    }
    toast({
      variant: "danger",
      title: "Couldn't mark as read",
      description: result?.error ?? "Cairn could not be reached. Check your connection and try again.",
    });
  }

  return (
    <Link href={href} className={className} onClick={unread ? () => void markRead() : undefined}>
      {children}
    </Link>
  );
}
