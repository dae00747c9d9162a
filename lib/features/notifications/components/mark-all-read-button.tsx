"use client";

import { CheckCheck } from "@/components/ui/icons/check-check";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/use-action";
import { markAllNotificationsReadAction } from "@/lib/features/notifications/actions";
import { MARK_READ_FAILED } from "@/lib/features/notifications/constants";
import { publishRead } from "@/lib/features/notifications/components/read-sync";

/** "Mark all as read" on /notifications: tells the bell at once, then re-renders the list from the server. */
export function MarkAllReadButton() {
  const router = useRouter();
  const { pending, run } = useAction(MARK_READ_FAILED);

  async function markAll() {
    const result = await run(() => markAllNotificationsReadAction());
    if (!result?.ok) return;
    publishRead({ ids: "all", unread: result.data.unread });
    router.refresh();
  }

  return (
    <Button variant="secondary" size="sm" loading={pending} onClick={markAll}>
      {pending ? null : <CheckCheck aria-hidden />}
      Mark all as read
    </Button>
  );
}
