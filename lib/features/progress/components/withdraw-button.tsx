"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { withdrawSubmissionAction } from "@/lib/features/progress/actions";

export function WithdrawButton({ cohortId, submissionId, attempt }: { cohortId: string; submissionId: string; attempt: number }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="secondary"
      size="sm"
      loading={pending}
      onClick={async () => {
        setPending(true);
        const result = await withdrawSubmissionAction({ cohortId, submissionId }).catch(() => null);
        setPending(false);
        if (!result?.ok) {
          toast({ title: result?.error ?? "Cairn could not be reached; the attempt is unchanged.", variant: "danger" });
          return;
        }
        toast({ title: `Attempt ${attempt} withdrawn.` });
        router.refresh();
      }}
    >
      Withdraw
    </Button>
  );
}
