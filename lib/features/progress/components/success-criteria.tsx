"use client";

import { BadgeCheck } from "@/components/ui/icons/badge-check";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { useAction } from "@/components/use-action";
import { saveSelfAssessmentAction } from "@/lib/features/progress/actions";
import type { CriterionView } from "@/lib/features/progress/types";
import { dayIn, formatDay } from "@/lib/calendar";

const LEVELS = [
  { value: "not_yet", label: "Not yet" },
  { value: "partly", label: "Partly" },
  { value: "confident", label: "Confident" },
] as const;

function CriterionForm({
  cohortId,
  criterion,
  index,
  timezone,
}: {
  cohortId: string;
  criterion: CriterionView;
  index: number;
  timezone: string;
}) {
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
    <li className="grid gap-3 rounded-xl border border-border bg-surface p-4">
      <p className="font-medium break-words">{criterion.text}</p>
      {criterion.signedOffBy && criterion.signedOffAt ? (
        <p className="inline-flex items-center gap-1 text-xs text-status-success-fg">
          <BadgeCheck aria-hidden className="size-4" />
          Signed off by {criterion.signedOffBy} on {formatDay(dayIn(new Date(criterion.signedOffAt), timezone))}
        </p>
      ) : null}
      <form onSubmit={onSubmit} noValidate className="grid gap-3 sm:grid-cols-[12rem_1fr] sm:items-start">
        <Field label={`Where you are (criterion ${index + 1})`} errors={errors.level}>
          <Select value={level} onChange={(event) => setLevel(event.target.value)} options={LEVELS}>
            <option value="" disabled>
              Choose…
            </option>
          </Select>
        </Field>
        <Field label={`Why (criterion ${index + 1})`} errors={errors.justification}>
          <Textarea rows={2} value={justification} onChange={(event) => setJustification(event.target.value)} />
        </Field>
        <div className="sm:col-start-2">
          <Button type="submit" size="sm" variant="secondary" loading={pending}>
            Save self-assessment
          </Button>
        </div>
      </form>
    </li>
  );
}

/** The roadmap's success criteria, each self-assessed with a short justification. */
export function SuccessCriteria({ cohortId, criteria, timezone }: { cohortId: string; criteria: CriterionView[]; timezone: string }) {
  if (criteria.length === 0) return null;
  return (
    <section aria-labelledby="success-criteria" className="grid gap-3">
      <div className="grid gap-1">
        <h2 id="success-criteria" className="text-base font-semibold">
          Success criteria
        </h2>
        <p className="text-sm text-muted-foreground">
          Where do you stand on each? Your mentors read your answers and can sign them off.
        </p>
      </div>
      <ol className="grid gap-3">
        {criteria.map((criterion, index) => (
          <CriterionForm key={criterion.key} cohortId={cohortId} criterion={criterion} index={index} timezone={timezone} />
        ))}
      </ol>
    </section>
  );
}
