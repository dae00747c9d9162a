"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { useAction } from "@/components/use-action";
import { markNotificationsReadAction } from "@/lib/features/notifications/actions";
import { MARK_READ_FAILED } from "@/lib/features/notifications/constants";
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
  const { run } = useAction(MARK_READ_FAILED);
  async function markRead() {
    const result = await run(() => markNotificationsReadAction({ ids: [id] }));
    if (result?.ok) publishRead({ ids: [id], unread: result.data.unread });
  }

  return (
    <Link href={href} className={className} onClick={unread ? () => void markRead() : undefined}>
      {children}
    </Link>
  );
}
