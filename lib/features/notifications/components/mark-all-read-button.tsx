"use client";

import { CheckCheck } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { markAllNotificationsReadAction } from "@/lib/features/notifications/actions";
import { publishRead } from "@/lib/features/notifications/components/read-sync";

/** "Mark all as read" on /notifications: tells the bell at once, then re-renders the list from the server. */
export function MarkAllReadButton() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function markAll() {
    startTransition(async () => {
      const result = await markAllNotificationsReadAction().catch(() => null);
      if (!result?.ok) {
        toast({
          variant: "danger",
          title: "Couldn't mark as read",
          description: result?.error ?? "Cairn could not be reached. Check your connection and try again.",
        });
        return;
      }
      publishRead({ ids: "all", unread: result.data.unread });
      router.refresh();
    });
  }

  return (
    <Button variant="secondary" size="sm" loading={pending} onClick={markAll}>
      {pending ? null : <CheckCheck aria-hidden />}
      Mark all as read
    </Button>
  );
}
