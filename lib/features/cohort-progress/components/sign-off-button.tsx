"use client";

import { BadgeCheck } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { signOffCriterionAction } from "@/lib/features/cohort-progress/actions";

export function SignOffButton({
  assessmentId,
  seenUpdatedAt,
  criterion,
}: {
  assessmentId: string;
  seenUpdatedAt: string;
  criterion: string;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  function signOff() {
    startTransition(async () => {
      const result = await signOffCriterionAction({ assessmentId, seenUpdatedAt }).catch(() => null);
      if (result?.ok) {
        toast({ title: "Signed off", variant: "success" });
      } else {
        toast({ title: result?.error ?? "Cairn could not be reached. Nothing was signed off.", variant: "danger" });
      }
      router.refresh();
    });
  }
  return (
    <Button type="button" size="sm" variant="secondary" loading={pending} onClick={signOff} aria-label={`Sign off: ${criterion}`}>
      {pending ? null : <BadgeCheck aria-hidden />}
      Sign off
    </Button>
  );
}
