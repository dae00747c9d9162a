"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { addCheckinCommentAction } from "@/lib/features/checkins/actions";
import { COMMENT_MAX } from "@/lib/features/checkins/schema";

/** A mentor's comment on a learner's check-in, through the check-ins feature's own action and rules. */
export function CheckinCommentForm({ checkinId, weekLabel }: { checkinId: string; weekLabel: string }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<string[] | undefined>();
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = String(new FormData(event.currentTarget).get("body") ?? "");
    startTransition(async () => {
      const result = await addCheckinCommentAction({ checkinId, body }).catch(() => null);
      if (result?.ok) {
        setErrors(undefined);
        formRef.current?.reset();
        toast({ title: "Comment posted", variant: "success" });
        router.refresh();
        return;
      }
      setErrors(result?.fieldErrors?.body ?? [result?.error ?? "Cairn could not be reached. Nothing was posted."]);
    });
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="grid gap-2">
      <Field label={`Comment on the week of ${weekLabel}`} errors={errors}>
        <Textarea name="body" rows={2} maxLength={COMMENT_MAX} required />
      </Field>
      <div>
        <Button type="submit" variant="secondary" size="sm" loading={pending}>
          Post comment
        </Button>
      </div>
    </form>
  );
}
