"use client";

import { useRouter } from "next/navigation";
import { useRef, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { useAction } from "@/components/use-action";
import { cn } from "@/lib/cn";
import { addCheckinCommentAction } from "@/lib/features/checkins/actions";
import { COMMENT_MAX } from "@/lib/features/checkins/constants";

/**
 * A comment on one check-in: the learner's reply on their own page, or a mentor's comment
 * on the learner detail page. Who may post is decided by the action, not by this form.
 */
export function CommentForm({
  checkinId,
  label = "Reply",
  submitLabel = "Post reply",
  successMessage = "Reply posted",
  className,
}: {
  checkinId: string;
  label?: string;
  submitLabel?: string;
  successMessage?: string;
  className?: string;
}) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const { pending, run, fieldErrors, alert } = useAction({ unreachable: "Cairn could not be reached. Nothing was posted.", say: "alert", fields: ["body"] });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = String(new FormData(event.currentTarget).get("body") ?? "");
    const result = await run(() => addCheckinCommentAction({ checkinId, body }));
    if (!result?.ok) return;
    formRef.current?.reset();
    toast({ title: successMessage, variant: "success" });
    router.refresh();
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className={cn("grid gap-2", className)}>
      <Field label={label} errors={alert ? [alert] : fieldErrors.body}>
        <Textarea name="body" rows={2} maxLength={COMMENT_MAX} required />
      </Field>
      <div>
        <Button type="submit" variant="secondary" size="sm" loading={pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
