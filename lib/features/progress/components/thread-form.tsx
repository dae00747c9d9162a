"use client";

import { addCommentAction } from "@/lib/features/progress/actions";
import { TextEntryForm } from "@/lib/features/progress/components/text-entry-form";

export function ThreadForm({ cohortId, itemKey }: { cohortId: string; itemKey: string }) {
  return (
    <TextEntryForm
      label="Message to your mentors"
      hint="Markdown. Your mentors see this thread."
      submitLabel="Send"
      successMessage="Message sent."
      onSave={(body) => addCommentAction({ cohortId, itemKey, body })}
    />
  );
}
