"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { useAction } from "@/components/use-action";
import type { ActionResult } from "@/lib/action-result";

/** A labelled text box with one submit button, for the thread and for private notes. */
export function TextEntryForm({
  label,
  hint,
  submitLabel,
  successMessage,
  initialValue = "",
  onSave,
  onDone,
}: {
  label: string;
  hint?: string;
  submitLabel: string;
  successMessage: string;
  initialValue?: string;
  onSave: (body: string) => Promise<ActionResult<unknown>>;
  onDone?: () => void;
}) {
  const router = useRouter();
  const [body, setBody] = useState(initialValue);
  const { pending, run, fieldErrors, alert } = useAction({
    unreachable: "Cairn could not be reached. Nothing was saved.",
    say: "alert",
    sayUnreachable: "toast",
    fields: ["body"],
  });

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const result = await run(() => onSave(body));
    if (!result?.ok) return;
    setBody("");
    toast({ title: successMessage, variant: "success" });
    onDone?.();
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-2">
      <Field label={label} hint={hint} errors={alert ? [alert] : fieldErrors.body}>
        <Textarea value={body} onChange={(event) => setBody(event.target.value)} rows={3} />
      </Field>
      <div>
        <Button type="submit" size="sm" variant="secondary" loading={pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
