"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { useAction } from "@/components/use-action";
import { withdrawSubmissionAction } from "@/lib/features/progress/actions";

export function WithdrawButton({ cohortId, submissionId, attempt }: { cohortId: string; submissionId: string; attempt: number }) {
  const router = useRouter();
  const { pending, run } = useAction({ unreachable: "Cairn could not be reached; the attempt is unchanged.", fields: false });
  return (
    <Button
      variant="secondary"
      size="sm"
      loading={pending}
      onClick={async () => {
        const result = await run(() => withdrawSubmissionAction({ cohortId, submissionId }));
        if (!result?.ok) return;
        toast({ title: `Attempt ${attempt} withdrawn.` });
        router.refresh();
      }}
    >
      Withdraw
    </Button>
  );
}
