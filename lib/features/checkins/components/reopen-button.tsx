"use client";

import { RotateCcw } from "@/components/ui/icons/rotate-ccw";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { reopenCheckinAction } from "@/lib/features/checkins/actions";

export function ReopenButton({ checkinId, lockVersion }: { checkinId: string; lockVersion: number }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function reopen() {
    startTransition(async () => {
      const result = await reopenCheckinAction({ checkinId, lockVersion });
      if (result.ok) {
        toast({ title: "Week reopened", description: "Edit the close-out, then close the week again.", variant: "success" });
        router.refresh();
      } else {
        toast({ title: "The week was not reopened", description: result.error, variant: "danger" });
      }
    });
  }

  return (
    <Button type="button" variant="secondary" size="sm" loading={pending} onClick={reopen}>
      {pending ? null : <RotateCcw aria-hidden />}
      Reopen week
    </Button>
  );
}
