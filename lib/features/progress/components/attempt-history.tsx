import { AttemptList } from "@/lib/features/progress/components/attempt-list";
import { ReplaceLinkForm } from "@/lib/features/progress/components/replace-link-form";
import { WithdrawButton } from "@/lib/features/progress/components/withdraw-button";
import type { AttemptView } from "@/lib/features/progress/types";

/**
 * The learner's attempts: a waiting one can be withdrawn, and a broken link of an approved one gets a "Replace link"
 * form. A mentor's screen uses `AttemptList` with its own actions, so it does not load these two.
 */
export function AttemptHistory({ attempts, cohortId, timezone }: { attempts: AttemptView[]; cohortId: string; timezone: string }) {
  return (
    <AttemptList
      attempts={attempts}
      timezone={timezone}
      audience="learner"
      attemptAction={(attempt) =>
        attempt.status === "pending" ? <WithdrawButton cohortId={cohortId} submissionId={attempt.id} attempt={attempt.attempt} /> : null
      }
      linkAction={(link) => (link.broken && !link.replacement ? <ReplaceLinkForm cohortId={cohortId} linkId={link.id} /> : null)}
    />
  );
}
