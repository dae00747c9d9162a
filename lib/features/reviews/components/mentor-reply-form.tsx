"use client";

import { TextEntryForm } from "@/lib/features/progress/components/text-entry-form";
import { addMentorCommentAction } from "@/lib/features/reviews/actions";

/** The mentor's side of the milestone thread; the learner is notified of every reply. */
export function MentorReplyForm({ submissionId, learnerName }: { submissionId: string; learnerName: string }) {
  return (
    <TextEntryForm
      label={`Reply to ${learnerName}`}
      hint="Markdown. The learner is notified; other mentors of the cohort see the thread too."
      submitLabel="Send reply"
      successMessage="Reply sent."
      onSave={(body) => addMentorCommentAction({ submissionId, body })}
    />
  );
}
