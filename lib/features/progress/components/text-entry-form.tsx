"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
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
  const [errors, setErrors] = useState<string[] | undefined>();
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    const result = await onSave(body).catch(() => null);
    setPending(false);
    if (!result) {
      toast({ title: "Cairn could not be reached. Nothing was saved.", variant: "danger" });
      return;
    }
    if (!result.ok) {
      setErrors(result.fieldErrors?.body ?? [result.error]);
      return;
    }
    setErrors(undefined);
    setBody("");
    toast({ title: successMessage, variant: "success" });
    onDone?.();
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-2">
      <Field label={label} hint={hint} errors={errors}>
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
