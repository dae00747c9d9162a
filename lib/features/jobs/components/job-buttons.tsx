"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { useAction } from "@/components/use-action";
import { retryMailAction, runJobNowAction } from "@/lib/features/jobs/actions";

/** "Run now" on one job: the queue runs it within seconds when the job queue is running. */
export function RunJobButton({ name }: { name: string }) {
  const router = useRouter();
  const { pending, run } = useAction({ unreachable: "Cairn could not be reached. The job was not started.", fields: false });
  async function start() {
    const result = await run(() => runJobNowAction({ name }));
    if (result?.ok) toast({ title: `${name} will run in a few seconds`, variant: "success" });
    router.refresh();
  }
  return (
    <Button type="button" size="sm" variant="secondary" loading={pending} onClick={start} aria-label={`Run now: ${name}`}>
      Run now
    </Button>
  );
}

/** "Retry" on one failed mail: back to the outbox with a fresh set of attempts. */
export function RetryMailButton({ mailId, subject, to }: { mailId: string; subject: string; to: string }) {
  const router = useRouter();
  const { pending, run } = useAction({ unreachable: "Cairn could not be reached. The mail was not retried.", fields: false });
  async function retry() {
    const result = await run(() => retryMailAction({ mailId }));
    if (result?.ok) toast({ title: "The mail is back in the outbox", variant: "success" });
    router.refresh();
  }
  return (
    <Button type="button" size="sm" variant="secondary" loading={pending} onClick={retry} aria-label={`Retry “${subject}” to ${to}`}>
      Retry
    </Button>
  );
}
