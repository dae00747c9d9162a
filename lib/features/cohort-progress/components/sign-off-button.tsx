"use client";

import { BadgeCheck } from "@/components/ui/icons/badge-check";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { useAction } from "@/components/use-action";
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
  const { pending, run } = useAction({ unreachable: "Cairn could not be reached. Nothing was signed off.", fields: false });
  async function signOff() {
    const result = await run(() => signOffCriterionAction({ assessmentId, seenUpdatedAt }));
    if (result?.ok) toast({ title: "Signed off", variant: "success" });
    router.refresh();
  }
  return (
    <Button type="button" size="sm" variant="secondary" loading={pending} onClick={signOff} aria-label={`Sign off: ${criterion}`}>
      {pending ? null : <BadgeCheck aria-hidden />}
      Sign off
    </Button>
  );
}
