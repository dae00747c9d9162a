"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { useAction } from "@/components/use-action";
import { saveSelfAssessmentAction } from "@/lib/features/progress/actions";
import { SELF_ASSESSMENT_LABELS } from "@/lib/features/progress/constants";
import type { CriterionView } from "@/lib/features/progress/types";

const LEVELS = Object.entries(SELF_ASSESSMENT_LABELS).map(([value, label]) => ({ value, label }));

/** The self-assessment of one success criterion; the criterion's own text names the group it sits in. */
export function CriterionForm({ cohortId, criterion }: { cohortId: string; criterion: Pick<CriterionView, "key" | "level" | "justification"> }) {
  const router = useRouter();
  const [level, setLevel] = useState<string>(criterion.level ?? "");
  const [justification, setJustification] = useState(criterion.justification);
  const { pending, run, fieldErrors: errors } = useAction({ unreachable: "Cairn could not be reached. Nothing was saved." });

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const result = await run(() => saveSelfAssessmentAction({ cohortId, criterionKey: criterion.key, level, justification }));
    if (!result?.ok) return;
    toast({ title: "Self-assessment saved.", variant: "success" });
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-3 sm:grid-cols-[12rem_1fr] sm:items-start">
      <Field label="Where you are" errors={errors.level}>
        <Select value={level} onChange={(event) => setLevel(event.target.value)} options={LEVELS}>
          <option value="" disabled>
            Choose…
          </option>
        </Select>
      </Field>
      <Field label="Why" errors={errors.justification}>
        <Textarea rows={2} value={justification} onChange={(event) => setJustification(event.target.value)} />
      </Field>
      <div className="sm:col-start-2">
        <Button type="submit" size="sm" variant="secondary" loading={pending}>
          Save self-assessment
        </Button>
      </div>
    </form>
  );
}
